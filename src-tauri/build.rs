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
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
