//! The Second International Nurse Rostering Competition's format (INRC-II,
//! issue #23): a scenario file (skills, shift types with their run limits,
//! forbidden successions, contracts, nurses), a history file (where each
//! nurse's runs and totals stood before the first week) and one week-data
//! file per week (cover per shift type and skill, minimum and optimal, and
//! shift-off requests), read for the static problem: every week at once.
//! [`score`] judges a roster by the competition's published rules and
//! weights, independently of any search; it agrees with the official
//! validator's report shipped with the n005w4 reference solutions.
//!
//! The files are whitespace-separated text in which parentheses and commas
//! group numbers (`FullTime (15,22) (3,5) (2,3) 2 1`), so they are read as
//! a stream of tokens with those as separators.

use std::fmt;

pub const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Soft weights, as published.
pub const OPTIMAL_COVER: u64 = 30;
pub const CONSECUTIVE_SHIFT: u64 = 15;
pub const CONSECUTIVE_WORK: u64 = 30;
pub const CONSECUTIVE_OFF: u64 = 30;
pub const PREFERENCE: u64 = 10;
pub const COMPLETE_WEEKEND: u64 = 30;
pub const TOTAL_ASSIGNMENTS: u64 = 20;
pub const WORKING_WEEKENDS: u64 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShiftType {
    pub name: String,
    pub min_consecutive: u32,
    pub max_consecutive: u32,
    /// Shift types that may not follow this one the next day.
    pub forbidden_next: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    pub name: String,
    pub min_assignments: u32,
    pub max_assignments: u32,
    pub min_consecutive_work: u32,
    pub max_consecutive_work: u32,
    pub min_consecutive_off: u32,
    pub max_consecutive_off: u32,
    pub max_working_weekends: u32,
    pub complete_weekends: bool,
}

/// Where a nurse stood at the end of the week before the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    pub assignments: u32,
    pub working_weekends: u32,
    /// The shift type worked on the last day before, if any.
    pub last_shift: Option<usize>,
    pub consecutive_shift: u32,
    pub consecutive_work: u32,
    pub consecutive_off: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nurse {
    pub name: String,
    pub contract: usize,
    pub skills: Vec<usize>,
    pub history: History,
}

/// Nurses wanted on one day for one shift type and skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub minimum: u32,
    pub optimal: u32,
}

/// A wish not to work on `day`: one shift type, or any (`None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffRequest {
    pub nurse: usize,
    pub day: usize,
    pub shift: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub name: String,
    pub weeks: usize,
    pub skills: Vec<String>,
    pub shifts: Vec<ShiftType>,
    pub contracts: Vec<Contract>,
    pub nurses: Vec<Nurse>,
    /// `requirements[(day * shifts + shift) * skills + skill]`.
    pub requirements: Vec<Requirement>,
    pub off_requests: Vec<OffRequest>,
}

impl Instance {
    pub fn days(&self) -> usize {
        self.weeks * 7
    }

    pub fn requirement(&self, day: usize, shift: usize, skill: usize) -> Requirement {
        self.requirements[(day * self.shifts.len() + shift) * self.skills.len() + skill]
    }
}

/// One nurse's cell: the shift type and the skill they cover with it.
pub type Cell = Option<(usize, usize)>;

/// `cells[nurse][day]`, plus any second assignment of a nurse on a day
/// that a solution file held (a hard violation, kept to be counted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub cells: Vec<Vec<Cell>>,
    pub doubled: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// The tokens of a file: parentheses, commas and `=` separate like spaces.
struct Tokens<'t> {
    file: &'t str,
    words: Vec<&'t str>,
    at: usize,
}

impl<'t> Tokens<'t> {
    fn new(file: &'t str, text: &'t str) -> Tokens<'t> {
        let words = text
            .trim_start_matches('\u{feff}')
            .split(|c: char| c.is_whitespace() || "(),=".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        Tokens { file, words, at: 0 }
    }

    fn fail<T>(&self, what: &str) -> Result<T, ParseError> {
        let found = self.words.get(self.at).map_or("the end of the file", |w| w);
        Err(ParseError(format!(
            "{}: expected {what}, found {found:?}",
            self.file
        )))
    }

    fn word(&mut self, what: &str) -> Result<&'t str, ParseError> {
        match self.words.get(self.at) {
            Some(w) => {
                self.at += 1;
                Ok(w)
            }
            None => self.fail(what),
        }
    }

    fn expect(&mut self, keyword: &str) -> Result<(), ParseError> {
        match self.words.get(self.at) {
            Some(w) if *w == keyword => {
                self.at += 1;
                Ok(())
            }
            _ => self.fail(keyword),
        }
    }

    fn number(&mut self, what: &str) -> Result<u32, ParseError> {
        match self.words.get(self.at).and_then(|w| w.parse().ok()) {
            Some(n) => {
                self.at += 1;
                Ok(n)
            }
            None => self.fail(&format!("a whole number ({what})")),
        }
    }

    fn index(&mut self, names: &[&str], what: &str) -> Result<usize, ParseError> {
        match self
            .words
            .get(self.at)
            .and_then(|w| names.iter().position(|n| n == w))
        {
            Some(i) => {
                self.at += 1;
                Ok(i)
            }
            None => self.fail(what),
        }
    }
}

/// Reads the scenario, the history and one week-data text per week.
pub fn parse(scenario: &str, history: &str, weeks: &[&str]) -> Result<Instance, ParseError> {
    let mut t = Tokens::new("scenario", scenario);
    t.expect("SCENARIO")?;
    let name = t.word("the scenario's name")?.to_string();
    t.expect("WEEKS")?;
    let declared_weeks = t.number("weeks")? as usize;
    if declared_weeks != weeks.len() {
        return Err(ParseError(format!(
            "the scenario has {declared_weeks} weeks but {} week files were given",
            weeks.len()
        )));
    }
    t.expect("SKILLS")?;
    let skills: Vec<String> = (0..t.number("skills")?)
        .map(|_| t.word("a skill").map(str::to_string))
        .collect::<Result<_, _>>()?;
    t.expect("SHIFT_TYPES")?;
    let mut shifts = Vec::new();
    for _ in 0..t.number("shift types")? {
        shifts.push(ShiftType {
            name: t.word("a shift type")?.to_string(),
            min_consecutive: t.number("fewest consecutive")?,
            max_consecutive: t.number("most consecutive")?,
            forbidden_next: Vec::new(),
        });
    }
    let shift_names: Vec<String> = shifts.iter().map(|s| s.name.clone()).collect();
    let shift_names: Vec<&str> = shift_names.iter().map(String::as_str).collect();
    t.expect("FORBIDDEN_SHIFT_TYPES_SUCCESSIONS")?;
    for _ in 0..shifts.len() {
        let from = t.index(&shift_names, "a shift type")?;
        for _ in 0..t.number("forbidden successors")? {
            let to = t.index(&shift_names, "a shift type")?;
            shifts[from].forbidden_next.push(to);
        }
    }
    t.expect("CONTRACTS")?;
    let mut contracts = Vec::new();
    for _ in 0..t.number("contracts")? {
        contracts.push(Contract {
            name: t.word("a contract")?.to_string(),
            min_assignments: t.number("fewest assignments")?,
            max_assignments: t.number("most assignments")?,
            min_consecutive_work: t.number("fewest consecutive working days")?,
            max_consecutive_work: t.number("most consecutive working days")?,
            min_consecutive_off: t.number("fewest consecutive days off")?,
            max_consecutive_off: t.number("most consecutive days off")?,
            max_working_weekends: t.number("most working weekends")?,
            complete_weekends: t.number("complete weekends (0 or 1)")? == 1,
        });
    }
    let contract_names: Vec<String> = contracts.iter().map(|c| c.name.clone()).collect();
    let contract_names: Vec<&str> = contract_names.iter().map(String::as_str).collect();
    let skill_names: Vec<&str> = skills.iter().map(String::as_str).collect();
    t.expect("NURSES")?;
    let mut nurses = Vec::new();
    for _ in 0..t.number("nurses")? {
        let name = t.word("a nurse")?.to_string();
        let contract = t.index(&contract_names, "a contract")?;
        let skills = (0..t.number("skills")?)
            .map(|_| t.index(&skill_names, "a skill"))
            .collect::<Result<_, _>>()?;
        nurses.push(Nurse {
            name,
            contract,
            skills,
            history: History {
                assignments: 0,
                working_weekends: 0,
                last_shift: None,
                consecutive_shift: 0,
                consecutive_work: 0,
                consecutive_off: 0,
            },
        });
    }
    let nurse_names: Vec<String> = nurses.iter().map(|n| n.name.clone()).collect();
    let nurse_names: Vec<&str> = nurse_names.iter().map(String::as_str).collect();

    let mut h = Tokens::new("history", history);
    h.expect("HISTORY")?;
    h.number("week")?;
    h.word("the scenario's name")?;
    h.expect("NURSE_HISTORY")?;
    let mut shifts_or_none = shift_names.clone();
    shifts_or_none.push("None");
    for _ in 0..nurses.len() {
        let nurse = h.index(&nurse_names, "a nurse")?;
        let history = History {
            assignments: h.number("assignments")?,
            working_weekends: h.number("working weekends")?,
            last_shift: Some(h.index(&shifts_or_none, "a shift type or None")?)
                .filter(|&s| s < shifts.len()),
            consecutive_shift: h.number("consecutive assignments")?,
            consecutive_work: h.number("consecutive working days")?,
            consecutive_off: h.number("consecutive days off")?,
        };
        nurses[nurse].history = history;
    }

    let days = weeks.len() * 7;
    let mut requirements = vec![
        Requirement {
            minimum: 0,
            optimal: 0
        };
        days * shifts.len() * skills.len()
    ];
    let mut off_requests = Vec::new();
    let mut shifts_or_any = shift_names.clone();
    shifts_or_any.push("Any");
    for (week, text) in weeks.iter().enumerate() {
        let file = format!("week {}", week + 1);
        let mut w = Tokens::new(&file, text);
        w.expect("WEEK_DATA")?;
        w.word("the scenario's name")?;
        w.expect("REQUIREMENTS")?;
        for _ in 0..shifts.len() * skills.len() {
            let shift = w.index(&shift_names, "a shift type")?;
            let skill = w.index(&skill_names, "a skill")?;
            for weekday in 0..7 {
                let day = week * 7 + weekday;
                requirements[(day * shifts.len() + shift) * skills.len() + skill] = Requirement {
                    minimum: w.number("the minimum cover")?,
                    optimal: w.number("the optimal cover")?,
                };
            }
        }
        w.expect("SHIFT_OFF_REQUESTS")?;
        for _ in 0..w.number("requests")? {
            let nurse = w.index(&nurse_names, "a nurse")?;
            let shift =
                Some(w.index(&shifts_or_any, "a shift type or Any")?).filter(|&s| s < shifts.len());
            let day = week * 7 + w.index(&DAY_NAMES, "a day (Mon to Sun)")?;
            off_requests.push(OffRequest { nurse, day, shift });
        }
    }
    Ok(Instance {
        name,
        weeks: weeks.len(),
        skills,
        shifts,
        contracts,
        nurses,
        requirements,
        off_requests,
    })
}

/// Reads one solution file per week (`ASSIGNMENTS`: nurse, day, shift
/// type, skill) into one roster. A nurse assigned twice on a day keeps the
/// first and counts the second in [`Roster::doubled`].
pub fn parse_solution(instance: &Instance, weeks: &[&str]) -> Result<Roster, ParseError> {
    let mut roster = Roster {
        cells: vec![vec![None; instance.days()]; instance.nurses.len()],
        doubled: 0,
    };
    let nurses: Vec<&str> = instance.nurses.iter().map(|n| n.name.as_str()).collect();
    let shifts: Vec<&str> = instance.shifts.iter().map(|s| s.name.as_str()).collect();
    let skills: Vec<&str> = instance.skills.iter().map(String::as_str).collect();
    for (week, text) in weeks.iter().enumerate() {
        let file = format!("solution of week {}", week + 1);
        let mut t = Tokens::new(&file, text);
        t.expect("SOLUTION")?;
        t.number("week")?;
        t.word("the scenario's name")?;
        t.expect("ASSIGNMENTS")?;
        for _ in 0..t.number("assignments")? {
            let nurse = t.index(&nurses, "a nurse")?;
            let day = week * 7 + t.index(&DAY_NAMES, "a day (Mon to Sun)")?;
            let shift = t.index(&shifts, "a shift type")?;
            let skill = t.index(&skills, "a skill")?;
            match roster.cells[nurse][day] {
                Some(_) => roster.doubled += 1,
                None => roster.cells[nurse][day] = Some((shift, skill)),
            }
        }
    }
    Ok(roster)
}

/// A roster's cost by the competition's categories (the validator's
/// names), and its hard violations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    pub minimum_cover: u64,
    pub missing_skill: u64,
    pub forbidden_successions: u64,
    pub single_assignment: u64,
    pub total_assignments: u64,
    pub consecutive: u64,
    pub days_off: u64,
    pub preferences: u64,
    pub working_weekends: u64,
    pub complete_weekends: u64,
    pub optimal_cover: u64,
}

impl Score {
    pub fn hard(&self) -> u64 {
        self.minimum_cover
            + self.missing_skill
            + self.forbidden_successions
            + self.single_assignment
    }

    pub fn total(&self) -> u64 {
        self.total_assignments
            + self.consecutive
            + self.days_off
            + self.preferences
            + self.working_weekends
            + self.complete_weekends
            + self.optimal_cover
    }
}

/// The penalty of one maximal run of `length` days against `min..=max`:
/// `before` of its days lie before the horizon (they were judged then, so
/// only the days beyond the maximum inside it count), and a run still
/// going on the horizon's last day is not held to its minimum (it may go
/// on after).
fn run_penalty(length: u32, before: u32, ends_open: bool, min: u32, max: u32) -> u64 {
    let over = length.saturating_sub(max).min(length - before);
    let under = if ends_open {
        0
    } else {
        min.saturating_sub(length)
    };
    u64::from(over + under)
}

/// Scores `roster` by the published rules: hard cover minima, skills,
/// successions (across the border with the history too) and one assignment
/// a day; soft optimal cover, runs of a shift type, of work and of days off
/// (continued from the history), shift-off requests, complete weekends, and
/// the totals of assignments and working weekends over the horizon.
pub fn score(instance: &Instance, roster: &Roster) -> Score {
    let days = instance.days();
    let (n_shifts, n_skills) = (instance.shifts.len(), instance.skills.len());
    let mut s = Score {
        single_assignment: u64::from(roster.doubled),
        ..Score::default()
    };
    let mut covered = vec![0u32; days * n_shifts * n_skills];
    for (nurse, row) in instance.nurses.iter().zip(&roster.cells) {
        for (day, cell) in row.iter().enumerate() {
            if let Some((shift, skill)) = *cell {
                covered[(day * n_shifts + shift) * n_skills + skill] += 1;
                if !nurse.skills.contains(&skill) {
                    s.missing_skill += 1;
                }
            }
        }
    }
    for (i, &have) in covered.iter().enumerate() {
        let need = instance.requirements[i];
        s.minimum_cover += u64::from(need.minimum.saturating_sub(have));
        s.optimal_cover += u64::from(need.optimal.saturating_sub(have)) * OPTIMAL_COVER;
    }
    for request in &instance.off_requests {
        let cell = roster.cells[request.nurse][request.day];
        if cell.is_some_and(|(shift, _)| request.shift.is_none_or(|r| r == shift)) {
            s.preferences += PREFERENCE;
        }
    }
    for (nurse, row) in instance.nurses.iter().zip(&roster.cells) {
        let c = &instance.contracts[nurse.contract];
        let h = &nurse.history;
        let shift_of = |cell: &Cell| cell.map(|(shift, _)| shift);
        // Successions, the first day after the history's last shift too.
        let mut previous = h.last_shift;
        for cell in row {
            let shift = shift_of(cell);
            if let (Some(a), Some(b)) = (previous, shift) {
                if instance.shifts[a].forbidden_next.contains(&b) {
                    s.forbidden_successions += 1;
                }
            }
            previous = shift;
        }
        s.consecutive += work_and_shift_runs(instance, row, h, c);
        s.days_off += off_runs(row, h, c) * CONSECUTIVE_OFF;
        let worked = row.iter().filter(|c| c.is_some()).count() as u32 + h.assignments;
        let outside = c
            .min_assignments
            .saturating_sub(worked)
            .max(worked.saturating_sub(c.max_assignments));
        s.total_assignments += u64::from(outside) * TOTAL_ASSIGNMENTS;
        let mut weekends = h.working_weekends;
        for week in 0..instance.weeks {
            let (sat, sun) = (row[week * 7 + 5].is_some(), row[week * 7 + 6].is_some());
            weekends += u32::from(sat || sun);
            if c.complete_weekends && sat != sun {
                s.complete_weekends += COMPLETE_WEEKEND;
            }
        }
        s.working_weekends +=
            u64::from(weekends.saturating_sub(c.max_working_weekends)) * WORKING_WEEKENDS;
    }
    s
}

/// Runs of work (against the contract) and of one shift type (against the
/// shift type's limits), the first continuing the history's.
fn work_and_shift_runs(instance: &Instance, row: &[Cell], h: &History, c: &Contract) -> u64 {
    let days = row.len();
    let mut cost = 0;
    // The work run: (length, days of it before the horizon).
    let mut work = (h.consecutive_work, h.consecutive_work);
    let mut same = (h.last_shift, h.consecutive_shift, h.consecutive_shift);
    for day in 0..=days {
        let shift = row.get(day).copied().flatten().map(|(s, _)| s);
        let end = day == days;
        // A shift run ends when the shift type changes (or work stops).
        if let Some(last) = same.0 {
            if end || shift != Some(last) {
                let t = &instance.shifts[last];
                cost += run_penalty(same.1, same.2, end, t.min_consecutive, t.max_consecutive)
                    * CONSECUTIVE_SHIFT;
                same = (None, 0, 0);
            }
        }
        if work.0 > 0 && (end || shift.is_none()) {
            cost += run_penalty(
                work.0,
                work.1,
                end,
                c.min_consecutive_work,
                c.max_consecutive_work,
            ) * CONSECUTIVE_WORK;
            work = (0, 0);
        }
        if let Some(s) = shift {
            work.0 += 1;
            if same.0 == Some(s) {
                same.1 += 1;
            } else {
                same = (Some(s), 1, 0);
            }
        }
    }
    cost
}

/// Runs of days off against the contract, the first continuing the
/// history's; the penalty in days.
fn off_runs(row: &[Cell], h: &History, c: &Contract) -> u64 {
    let mut cost = 0;
    let mut off = (h.consecutive_off, h.consecutive_off);
    // Each day, then one past the end that closes the last run.
    for day in row.iter().map(Some).chain(std::iter::once(None)) {
        let end = day.is_none();
        let working = day.is_some_and(Option::is_some);
        if off.0 > 0 && (end || working) {
            cost += run_penalty(
                off.0,
                off.1,
                end,
                c.min_consecutive_off,
                c.max_consecutive_off,
            );
            off = (0, 0);
        }
        if !end && !working {
            off.0 += 1;
        }
    }
    cost
}
