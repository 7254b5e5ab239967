//! Command-line options: `--data-dir DIR` (or `WARDBOOK_DATA_DIR`), `--sample`
//! and `--open SECTION`.

use std::path::PathBuf;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Where the department file lives; the platform's app-data folder when None.
    pub data_dir: Option<PathBuf>,
    /// Fill an empty data folder with the sample department without asking.
    pub sample: bool,
    /// The section the window opens on (one of `SECTIONS`); the Dashboard when None.
    pub open: Option<String>,
}

/// The sections `--open` accepts, as the UI names them in lower case.
pub const SECTIONS: &[&str] = &[
    "dashboard",
    "staff",
    "schedule",
    "attendance",
    "budget",
    "reports",
    "settings",
];

pub const USAGE: &str =
    "usage: wardbook [--data-dir DIR] [--sample] [--open dashboard|staff|schedule|attendance|budget|reports|settings]";

impl Options {
    /// Reads the options; `env_dir` is the value of `WARDBOOK_DATA_DIR`, which
    /// `--data-dir` overrides.
    pub fn parse(
        args: impl IntoIterator<Item = String>,
        env_dir: Option<String>,
    ) -> Result<Options, String> {
        let mut options = Options {
            data_dir: env_dir.filter(|d| !d.is_empty()).map(PathBuf::from),
            sample: false,
            open: None,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--data-dir" => match args.next() {
                    Some(dir) if !dir.is_empty() => options.data_dir = Some(PathBuf::from(dir)),
                    _ => return Err(format!("--data-dir needs a folder\n{USAGE}")),
                },
                "--sample" => options.sample = true,
                "--open" => match args.next() {
                    Some(section) if SECTIONS.contains(&section.as_str()) => {
                        options.open = Some(section)
                    }
                    _ => {
                        return Err(format!(
                            "--open needs one of {}\n{USAGE}",
                            SECTIONS.join(", ")
                        ))
                    }
                },
                "-h" | "--help" => return Err(USAGE.to_string()),
                other => match other.strip_prefix("--data-dir=") {
                    Some(dir) if !dir.is_empty() => options.data_dir = Some(PathBuf::from(dir)),
                    // Launchers (and WebDriver) may add arguments of their own; they are not ours to refuse.
                    _ => eprintln!("wardbook: ignoring unknown argument {other:?}"),
                },
            }
        }
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: Option<&str>) -> Result<Options, String> {
        Options::parse(args.iter().map(|s| s.to_string()), env.map(String::from))
    }

    #[test]
    fn data_dir_flag_overrides_the_environment() {
        let o = parse(&["--data-dir", "/a"], Some("/b")).unwrap();
        assert_eq!(o.data_dir, Some(PathBuf::from("/a")));
        assert_eq!(
            parse(&[], Some("/b")).unwrap().data_dir,
            Some(PathBuf::from("/b"))
        );
        assert_eq!(
            parse(&["--data-dir=/c"], None).unwrap().data_dir,
            Some(PathBuf::from("/c"))
        );
    }

    #[test]
    fn sample_flag_and_missing_folder() {
        assert!(parse(&["--sample"], None).unwrap().sample);
        assert!(parse(&["--data-dir"], None)
            .unwrap_err()
            .contains("needs a folder"));
        assert_eq!(
            parse(&[], Some("")).unwrap().data_dir,
            None,
            "an empty variable means unset"
        );
    }

    #[test]
    fn open_names_a_known_section() {
        assert_eq!(
            parse(&[], None).unwrap().open,
            None,
            "the Dashboard by default"
        );
        assert_eq!(
            parse(&["--open", "staff"], None).unwrap().open.as_deref(),
            Some("staff")
        );
        // The name is written into the window's start script: only known names pass.
        assert!(parse(&["--open", "x\";alert(1)//"], None)
            .unwrap_err()
            .contains("--open needs one of"));
        assert!(parse(&["--open"], None).is_err());
    }
}
