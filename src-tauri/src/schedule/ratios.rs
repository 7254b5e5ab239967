//! Nurse-to-patient ratio presets: California Title 22 §70217 ("at all
//! times"), and Oregon's medical-surgical ratio (ORS 441.765) as an extra.
//! A preset only suggests a coverage line; the manager saves it.

use crate::department::UnitType;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RatioPreset {
    pub unit_type: UnitType,
    pub label: String,
    pub patients_per_nurse: i64,
}

pub fn presets() -> Vec<RatioPreset> {
    let ca = |unit_type: UnitType, what: &str, patients_per_nurse: i64| RatioPreset {
        unit_type,
        label: format!("{what} 1:{patients_per_nurse} (California Title 22 §70217)"),
        patients_per_nurse,
    };
    vec![
        ca(UnitType::Icu, "Intensive care", 2),
        ca(UnitType::StepDown, "Step-down", 3),
        ca(UnitType::Telemetry, "Telemetry", 4),
        ca(UnitType::MedSurg, "Medical-surgical", 5),
        ca(UnitType::Pediatrics, "Pediatrics", 4),
        ca(UnitType::Emergency, "Emergency department", 4),
        ca(UnitType::LaborDelivery, "Labor", 2),
        ca(UnitType::Postpartum, "Postpartum couplets", 4),
        ca(UnitType::OperatingRoom, "Operating room", 1),
        ca(UnitType::Pacu, "Post-anesthesia care", 2),
        RatioPreset {
            unit_type: UnitType::MedSurg,
            label: "Medical-surgical 1:4 (Oregon ORS 441.765)".into(),
            patients_per_nurse: 4,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_follow_title_22_and_add_oregon_med_surg() {
        let p = presets();
        let ca = |u: UnitType| {
            p.iter()
                .find(|r| r.unit_type == u)
                .unwrap()
                .patients_per_nurse
        };
        assert_eq!(ca(UnitType::Icu), 2);
        assert_eq!(ca(UnitType::MedSurg), 5, "California med-surg comes first");
        assert_eq!(ca(UnitType::OperatingRoom), 1);
        assert!(p
            .iter()
            .any(|r| r.label.contains("Oregon") && r.patients_per_nurse == 4));
        assert_eq!(p.len(), 11);
    }
}
