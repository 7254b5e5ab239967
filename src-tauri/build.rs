//! Declares the app's commands so that capabilities must grant each one:
//! the window can call exactly what `capabilities/default.json` lists.

const COMMANDS: &[&str] = &[
    "app_status",
    "app_ready",
    "department_create",
    "department_update",
    "sample_create",
    "time_zones",
    "staff_list",
    "staff_detail",
    "staff_create",
    "staff_update",
    "staff_terminate",
    "staff_reactivate",
    "skills_list",
    "skill_save",
    "skill_delete",
    "credential_types_list",
    "credential_type_save",
    "credential_type_delete",
    "credential_save",
    "credential_delete",
    "training_save",
    "training_delete",
    "shift_types_list",
    "shift_type_save",
    "shift_type_delete",
    "schedule_rules_get",
    "schedule_rules_save",
    "holiday_save",
    "holiday_delete",
    "coverage_list",
    "coverage_save",
    "ratio_presets",
    "coverage_from_census",
    "periods_list",
    "period_create",
    "period_publish",
    "period_delete",
    "schedule_view",
    "assignment_set",
    "assignment_clear",
    "call_out",
    "call_out_fill",
    "schedule_csv",
    "schedule_export_csv",
    "window_print",
    "time_off_list",
    "time_off_save",
    "time_off_decide",
    "time_off_delete",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
