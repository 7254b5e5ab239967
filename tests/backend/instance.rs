//! One app per data folder: a second start on the same folder asks the first
//! to come to the front; apps on different folders do not see each other.

use wardbook::instance::{claim, Claim};
use wardbook_tests::DataDir;

fn first(dir: &DataDir) -> wardbook::instance::Instance {
    match claim(dir.path()).unwrap() {
        Claim::First(i) => i,
        Claim::AlreadyRunning => panic!("no app runs on {}", dir.path().display()),
    }
}

#[test]
fn a_second_start_on_the_same_folder_asks_the_first_to_come_forward() {
    let dir = DataDir::new();
    let running = first(&dir);
    assert!(!running.take_request(), "nobody has asked yet");
    assert!(
        matches!(claim(dir.path()).unwrap(), Claim::AlreadyRunning),
        "the second start must step aside"
    );
    assert!(running.take_request(), "the running app sees the request");
    assert!(!running.take_request(), "once per request");
}

#[test]
fn apps_on_different_folders_do_not_interfere() {
    let (a, b) = (DataDir::new(), DataDir::new());
    let _first = first(&a);
    let _second = first(&b);
}

#[test]
fn the_folder_is_free_again_once_the_app_has_gone() {
    let dir = DataDir::new();
    drop(first(&dir));
    let again = first(&dir);
    assert!(
        !again.take_request(),
        "no stale request is left for the next app"
    );
}
