//! Call-outs on a published period: the shift goes, the call-out is
//! recorded, and the candidates come ranked with their reasons.

use super::*;
use wardbook::error::ErrorCode;
use wardbook::schedule::store::{assignments, call_outs};

#[test]
fn a_call_out_removes_the_shift_records_it_and_ranks_who_could_fill_it() {
    let mut u = unit();
    let p = first_period(&mut u);
    let nurse = staff::create(&mut u.conn, &person("Cy", "Park", "E4", Role::Rn, vec![]))
        .unwrap()
        .id;
    assignments::set(
        &mut u.conn,
        p.id,
        u.maria,
        "2026-12-10",
        "D",
        day(TODAY),
        "now",
    )
    .unwrap();
    // Cy works the night before, off as the Day begins: not offered.
    assignments::set(
        &mut u.conn,
        p.id,
        nurse,
        "2026-12-09",
        "N",
        day(TODAY),
        "now",
    )
    .unwrap();
    approved_off(&mut u.conn, u.ann, "2026-12-20", "2026-12-20");
    let draft_err =
        call_outs::call_out(&mut u.conn, p.id, u.maria, "2026-12-10", "", "now").unwrap_err();
    assert_eq!(
        draft_err.code,
        ErrorCode::Conflict,
        "call-outs are for published schedules"
    );
    period_store::publish(&u.conn, p.id, "2026-12-01T09:00:00Z").unwrap();

    // A reason the form refuses (a control character) records nothing.
    let bad = call_outs::call_out(
        &mut u.conn,
        p.id,
        u.maria,
        "2026-12-10",
        "sick\u{7}",
        "2026-12-10T05:30:00Z",
    )
    .unwrap_err();
    assert!(bad.message_for("reason").is_some(), "{bad:?}");
    assert_eq!(count(&u.conn, "call_out"), 0, "nothing recorded");
    let out = call_outs::call_out(
        &mut u.conn,
        p.id,
        u.maria,
        "2026-12-10",
        " sick ",
        "2026-12-10T05:30:00Z",
    )
    .unwrap();
    assert_eq!(
        (out.shift_code.as_str(), out.called_out.as_str()),
        ("D", "Maria Lopez")
    );
    let ranked: Vec<&str> = out.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        ranked,
        ["Lee, Ann"],
        "the rested nurse, listed as the grid lists people; the CNA is not a candidate"
    );
    let cy = out.excluded.iter().find(|e| e.staff_id == nurse).unwrap();
    assert!(
        cy.reason.contains("no rest"),
        "straight on from a night is a double shift, said so: {}",
        cy.reason
    );
    assert_eq!(
        count(&u.conn, "assignment"),
        1,
        "Maria's shift is gone, Cy's night stays"
    );
    assert_eq!(count(&u.conn, "call_out"), 1, "the call-out is recorded");
    let view = wardbook::schedule::store::view(&u.conn, p.id, day(TODAY)).unwrap();
    let maria = view.groups[0]
        .rows
        .iter()
        .find(|r| r.staff_id == u.maria)
        .unwrap();
    // The same person reads the same way in the grid and the candidate list;
    // sentences about them keep "First Last".
    for c in &out.candidates {
        let row = view
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|r| r.staff_id == c.staff_id)
            .unwrap();
        assert_eq!(c.name, row.name, "a candidate reads as their grid row");
    }
    assert_eq!(
        (maria.name.as_str(), maria.full_name.as_str()),
        ("Lopez, Maria", "Maria Lopez")
    );
    assert!(
        maria.cells[11].changed_after_publish,
        "the emptied cell is a change after publishing"
    );
    assert_eq!(
        maria.cells[11].called_out.as_deref(),
        Some("Maria Lopez called out of the Day shift (D) (sick); recorded Wed 9 Dec at 23:30"),
        "the cell says who called out, why and when, in Chicago's time (05:30 UTC)"
    );
    assert!(
        maria
            .cells
            .iter()
            .filter(|c| c.called_out.is_some())
            .count()
            == 1
            && view.groups[0]
                .rows
                .iter()
                .filter(|r| r.staff_id != u.maria)
                .all(|r| r.cells.iter().all(|c| c.called_out.is_none())),
        "only that cell"
    );

    // Ann fills it (Cy's night, put on before the call-out, is no filler).
    assignments::set(
        &mut u.conn,
        p.id,
        u.ann,
        "2026-12-10",
        "D",
        day(TODAY),
        "2026-12-10T05:41:00Z",
    )
    .unwrap();
    let view = wardbook::schedule::store::view(&u.conn, p.id, day(TODAY)).unwrap();
    let maria = view.groups[0]
        .rows
        .iter()
        .find(|r| r.staff_id == u.maria)
        .unwrap();
    assert_eq!(
        maria.cells[11].called_out.as_deref(),
        Some(
            "Maria Lopez called out of the Day shift (D) (sick); recorded Wed 9 Dec at 23:30; \
             filled by Ann Lee"
        ),
        "the cell says who filled it"
    );

    let again =
        call_outs::call_out(&mut u.conn, p.id, u.maria, "2026-12-10", "", "now").unwrap_err();
    assert_eq!(
        again.code,
        ErrorCode::NotFound,
        "no shift left to call out of"
    );
    assert_eq!(
        again.message,
        "Maria Lopez has no shift on 10 Dec to call out of."
    );
}
