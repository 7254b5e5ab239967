//! No network: the real app, run under `strace -f -e trace=connect,openat`, visits
//! every section (and a person's page) through WebDriver; afterwards every
//! connect() it or any of its processes (WebKit's web and network processes
//! included) made must be to a local socket (X11, D-Bus, WebKit's own IPC) or
//! to a loopback address — never to another machine — and it must look up no
//! host name (see `refusal`).
//!
//! Why tracing rather than a network namespace (`unshare -n`): an app with no
//! network would still "work" while trying to connect and failing, and that
//! attempt is what the manager's hospital network would see. The trace
//! records attempts, successful or not. (It needs ptrace rights over the
//! app, which a normal user has over their own processes.)
//!
//! Run: `WARDBOOK_APP=$PWD/target/debug/wardbook DISPLAY=:N cargo test -p wardbook-e2e --test no_network`

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use wardbook_e2e::{App, By};

/// Writes a wrapper that runs the app under strace, logging to `log`.
fn traced_app(dir: &Path, app: &Path, log: &Path) -> std::path::PathBuf {
    let strace = ["/usr/bin/strace", "/bin/strace"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .expect("strace is installed (cargo xtask test installs it)");
    let wrapper = dir.join("wardbook-traced");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec {strace} -f -qq -e trace=connect,openat -o '{}' '{}' \"$@\"\n",
            log.display(),
            app.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    wrapper
}

/// Why a traced line is not allowed, if it is not.
///
/// Host name lookups show as reading `/etc/hosts` or `/etc/resolv.conf` (glibc
/// reads them for every lookup when no nscd runs, as on the test machines),
/// a connection to port 53, or to systemd-resolved's socket. glibc also asks
/// the nscd socket for *user* and *service* names (getpwuid for the home
/// folder, getservbyname): that is a local cache, not the network, and the
/// trace shows those asks followed by reading /etc/passwd or /etc/services.
fn refusal(line: &str) -> Option<&'static str> {
    if line.contains("openat(") {
        let lookup = line.contains("\"/etc/resolv.conf\"") || line.contains("\"/etc/hosts\"");
        return lookup.then_some("a host name lookup");
    }
    if !line.contains("connect(") {
        return None;
    }
    if line.contains("sa_family=AF_UNIX") {
        let resolver = line.contains("resolve");
        return resolver.then_some("a name lookup through systemd-resolved");
    }
    if line.contains("htons(53)") {
        return Some("a DNS query");
    }
    if line.contains("sa_family=AF_INET6") {
        let loopback = line.contains("\"::1\"");
        return (!loopback).then_some("an IPv6 connection to another machine");
    }
    if line.contains("sa_family=AF_INET") {
        // The one loopback connection is WebKit's automation link to
        // WebKitWebDriver, there only because the test drives the window.
        let loopback = line.contains("inet_addr(\"127.");
        return (!loopback).then_some("an IPv4 connection to another machine");
    }
    if line.contains("sa_family=AF_NETLINK") {
        return None; // the kernel, not a network
    }
    Some("a connection of an unexpected kind")
}

#[test]
fn the_app_connects_to_nothing_while_every_section_is_visited() {
    let work = wardbook_e2e::data_dir();
    let log = work.path().join("connect.log");
    let real = wardbook_e2e::app_path();
    let wrapper = traced_app(work.path(), &real, &log);
    // The e2e helpers launch WARDBOOK_APP; this test is alone in its binary.
    std::env::set_var("WARDBOOK_APP", &wrapper);
    let data = work.path().join("data");
    let app = App::launch(&data, &["--sample"]);

    let sections = [
        "Dashboard",
        "Staff",
        "Schedule",
        "Budget",
        "Reports",
        "Settings",
    ];
    for section in sections {
        let xpath = format!("//nav//button[normalize-space()='{section}']");
        app.click(&app.wait_for(By::XPath(&xpath)));
        app.wait_for_paint();
    }
    // A person's page, with its history.
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Staff']")));
    let first = app.wait_for(By::Css("#staff-table tr[data-staff-id] .col-name"));
    app.click(&first);
    app.wait_for(By::Css(
        "#staff-detail section[aria-label='Change history']",
    ));
    // The department's history in Settings.
    app.click(&app.wait_for(By::XPath("//nav//button[normalize-space()='Settings']")));
    app.wait_for(By::XPath("//h2[normalize-space()='Change history']"));
    app.wait_for_paint();
    // Not `quit()`: WebKitWebDriver ends the process it started, which is
    // strace, and a tracer that is told to stop lets its tracee run on. The
    // driver's Drop ends the whole process group (app and strace alike).
    drop(app);
    let needle = data.display().to_string();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while wardbook_e2e::process::processes_with_arg(&needle)
        .next()
        .is_some()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the traced app is still running"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }

    let trace = std::fs::read_to_string(&log).expect("strace wrote its log");
    let connects: Vec<&str> = trace.lines().filter(|l| l.contains("connect(")).collect();
    assert!(
        !connects.is_empty(),
        "the trace saw the app's own connections (X11, D-Bus), so it was really tracing:\n{trace}"
    );
    if std::env::var_os("WARDBOOK_SHOW_TRACE").is_some() {
        println!("{}", connects.join("\n"));
    }
    let bad: Vec<String> = trace
        .lines()
        .filter_map(|l| refusal(l).map(|why| format!("{why}: {l}")))
        .collect();
    println!(
        "no network: {} connect() calls traced, {} refused",
        connects.len(),
        bad.len()
    );
    assert!(
        bad.is_empty(),
        "the app reached for the network:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_rules_recognise_network_connections() {
    let dns = r#"7 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.53")}, 16) = 0"#;
    let web = r#"7 connect(9, {sa_family=AF_INET6, sin6_port=htons(443), inet_pton(AF_INET6, "2606:4700::1111", &sin6_addr)}, 28) = -1"#;
    let hosts = r#"7 openat(AT_FDCWD, "/etc/hosts", O_RDONLY|O_CLOEXEC) = 11"#;
    let resolved = r#"7 connect(3, {sa_family=AF_UNIX, sun_path="/run/systemd/resolve/io.systemd.Resolve"}, 110) = 0"#;
    let passwd = r#"7 openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 11"#;
    let x11 = r#"7 connect(3, {sa_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X103"}, 21) = 0"#;
    let local = r#"7 connect(5, {sa_family=AF_INET, sin_port=htons(4444), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#;
    assert!(refusal(dns).is_some());
    assert!(refusal(web).is_some());
    assert!(refusal(hosts).is_some());
    assert!(refusal(resolved).is_some());
    assert!(refusal(passwd).is_none());
    assert!(refusal(x11).is_none());
    assert!(refusal(local).is_none());
}
