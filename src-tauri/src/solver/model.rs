//! The rostering model the solver works on: plain indices, no dates, no
//! database ids. Days run `0..days` from a Monday; a cell is a person's shift
//! on a day, or none. The app's schedule (staff, shift types, time off,
//! coverage needs) and the Curtois benchmark both map into this.

/// A shift type: its length and the shift types that may not follow it on the
/// next day (a late then an early, a night then a day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub id: String,
    pub minutes: u32,
    /// Indices into [`Model::shifts`].
    pub forbidden_next: Vec<usize>,
    /// Shift types that may not start two days after this one (a day shift
    /// the day after coming off a night). Empty in the benchmark.
    pub forbidden_after_gap: Vec<usize>,
}

/// At most `max_minutes` worked on the days `first..first + days` (a work
/// week, a pay period); days outside the horizon are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub first: usize,
    pub days: usize,
    pub max_minutes: u32,
}

/// What a person's contract allows over the whole horizon. Every limit is
/// hard. Consecutive-run limits follow the Curtois definitions at the edges:
/// a run that touches the first or last day is not held to a minimum (it may
/// continue outside the horizon), while the maximum counts only days inside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contract {
    /// Most shifts of each type, indexed like [`Model::shifts`]; 0 means the
    /// person cannot work that type (the benchmark's way of saying "skill").
    pub max_per_shift: Vec<u32>,
    pub min_shifts: u32,
    pub max_shifts: u32,
    pub min_minutes: u32,
    pub max_minutes: u32,
    pub min_consecutive_work: u32,
    pub max_consecutive_work: u32,
    pub min_consecutive_off: u32,
    /// Weekends (Saturday + Sunday) with at least one shift.
    pub max_weekends: u32,
    /// Limits on minutes within parts of the horizon. Empty in the benchmark.
    pub windows: Vec<Window>,
    /// Limits on weekends within runs of weeks (the department's "in any 4
    /// weeks"). Empty in the benchmark, whose limit is `max_weekends`, over
    /// the horizon.
    pub weekend_windows: Vec<WeekendWindow>,
}

/// At most `max` weekends worked in the `weeks` model weeks from
/// `first_week` (a weekend is a week's Saturday and Sunday, days 5 and 6
/// of it, worked when either holds a shift); weeks past the horizon hold
/// none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekendWindow {
    pub first_week: usize,
    pub weeks: usize,
    pub max: u32,
}

impl WeekendWindow {
    /// Weekends worked in the window by `row`, a whole row or a prefix.
    pub fn worked(&self, row: &[Option<usize>]) -> u32 {
        (self.first_week..self.first_week + self.weeks)
            .filter(|&week| {
                (week * 7 + 5..week * 7 + 7).any(|d| row.get(d).is_some_and(Option::is_some))
            })
            .count() as u32
    }

    /// Whether the window is still open after the first `day` days: some of
    /// its weekend days are placed and some are not.
    pub fn open_at(&self, day: usize) -> bool {
        self.first_week * 7 + 5 < day && day < (self.first_week + self.weeks) * 7
    }
}

impl Contract {
    /// Whether `row` (a whole row or a prefix) keeps every weekend window.
    pub fn weekend_windows_ok(&self, row: &[Option<usize>]) -> bool {
        self.weekend_windows.iter().all(|w| w.worked(row) <= w.max)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: String,
    pub contract: Contract,
    /// Skill indices the person holds (coverage may ask for one).
    pub skills: Vec<usize>,
    /// Days the person must not work (approved time off).
    pub days_off: Vec<usize>,
    /// Cells given in advance, `(day, shift)`: the roster must hold them.
    /// Successions between two fixed cells are not checked (they are not the
    /// solver's to change). Empty in the benchmark.
    pub fixed: Vec<(usize, usize)>,
    /// Cells the person cannot take, `(day, shift)`: a credential lapsed,
    /// too little rest after a shift before the horizon. Empty in the
    /// benchmark.
    pub unavailable: Vec<(usize, usize)>,
    /// Hours the person should work, a soft goal; none in the benchmark.
    pub target: Option<Target>,
}

/// Minutes a person should work on the days `first..first + days` (their
/// FTE over the period). Soft, unlike a [`Window`]: each of the first
/// `over_near_minutes` beyond costs `over_per_hour` an hour and each
/// further one `over_far_per_hour` (a manager accepts an extra shift, not
/// 40 % over an FTE); each hour short costs `under_per_hour`, rising with
/// the shortfall (twice as much an hour at [`Target::BALANCE_MINUTES`]
/// short), so that when there are too few shifts for everyone the hours
/// are shared by closeness to each person's target rather than piled on a
/// few.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub first: usize,
    pub days: usize,
    pub minutes: u32,
    pub under_per_hour: u32,
    pub over_per_hour: u32,
    pub over_near_minutes: u32,
    pub over_far_per_hour: u32,
    /// Weekends worked on the target's days cost `weekend_weight × k² ×
    /// 100 / fte_hundredths` (k weekends): the least total is when each
    /// person's weekends are in proportion to their FTE, so the weekends
    /// are shared rather than piled on a few (issue #21: full-timers with 0
    /// weekends beside others with 8). 0: weekends are not balanced.
    pub weekend_weight: u32,
    pub fte_hundredths: u32,
}

impl Target {
    pub fn covers(&self, day: usize) -> bool {
        day >= self.first && day < self.first + self.days
    }

    /// A shortfall of this many minutes (four 40-hour weeks) costs twice
    /// as much an hour as a small one.
    pub const BALANCE_MINUTES: i64 = 160 * 60;

    /// The cost of working `minutes` on the target's days, rounded down
    /// once at the end, so every caller agrees.
    pub fn penalty(&self, minutes: u32) -> i64 {
        let (want, have) = (i64::from(self.minutes), i64::from(minutes));
        let (short, over) = ((want - have).max(0), (have - want).max(0));
        let under = short * i64::from(self.under_per_hour) * (Self::BALANCE_MINUTES + short)
            / Self::BALANCE_MINUTES;
        let near = over.min(i64::from(self.over_near_minutes));
        let over = near * i64::from(self.over_per_hour)
            + (over - near) * i64::from(self.over_far_per_hour);
        (under + over) / 60
    }

    /// Weekends (Saturday or Sunday, day 0 a Monday) with a shift on the
    /// target's days.
    pub fn weekends(&self, row: &[Option<usize>]) -> u32 {
        let mut worked = 0;
        let mut last_week = usize::MAX;
        for (day, cell) in row.iter().enumerate() {
            if cell.is_some() && Model::is_weekend(day) && self.covers(day) && day / 7 != last_week
            {
                last_week = day / 7;
                worked += 1;
            }
        }
        worked
    }

    /// The cost of working `weekends` weekends (see `weekend_weight`).
    pub fn weekend_penalty(&self, weekends: u32) -> i64 {
        if self.weekend_weight == 0 {
            return 0;
        }
        let k = i64::from(weekends);
        i64::from(self.weekend_weight) * k * k * 100 / i64::from(self.fte_hundredths.max(10))
    }

    /// What `row` costs against the target: its hours and its weekends.
    pub fn row_penalty(&self, model: &Model, row: &[Option<usize>]) -> i64 {
        self.penalty(self.worked(model, row)) + self.weekend_penalty(self.weekends(row))
    }

    /// The minutes of `row` on the target's days.
    pub fn worked(&self, model: &Model, row: &[Option<usize>]) -> u32 {
        row.iter()
            .enumerate()
            .filter(|&(day, _)| self.covers(day))
            .filter_map(|(_, cell)| cell.map(|s| model.shifts[s].minutes))
            .sum()
    }
}

/// Whether a request asks for a shift or asks to be spared it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestKind {
    On,
    Off,
    /// Any shift that day (`shift` is ignored): unmet only by a day off.
    Work,
}

/// A soft wish; `weight` is paid when it is not granted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub staff: usize,
    pub day: usize,
    pub shift: usize,
    pub kind: RequestKind,
    pub weight: u32,
}

/// How many people a shift needs on a day (optionally with a skill); each
/// person short costs `under_weight`, each person extra `over_weight`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub day: usize,
    pub shift: usize,
    pub skill: Option<usize>,
    pub requirement: u32,
    pub under_weight: u32,
    pub over_weight: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub days: usize,
    pub shifts: Vec<Shift>,
    pub staff: Vec<Staff>,
    pub requests: Vec<Request>,
    pub cover: Vec<Cover>,
}

impl Model {
    /// Day 0 is a Monday, so Saturdays are days 5, 12, 19…
    pub fn is_weekend(day: usize) -> bool {
        day % 7 >= 5
    }

    /// Whether `staff` may count towards `cover`.
    pub fn qualifies(&self, staff: usize, cover: &Cover) -> bool {
        cover
            .skill
            .is_none_or(|skill| self.staff[staff].skills.contains(&skill))
    }
}

/// One cell per person per day: `cells[staff][day]` is a shift index or none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub cells: Vec<Vec<Option<usize>>>,
}

impl Roster {
    /// Nobody works.
    pub fn empty(model: &Model) -> Roster {
        Roster {
            cells: vec![vec![None; model.days]; model.staff.len()],
        }
    }

    /// The benchmark's solution text: one line per person, the id then one
    /// shift id or `-` per day, separated by spaces.
    pub fn to_text(&self, model: &Model) -> String {
        let mut out = String::new();
        for (staff, row) in model.staff.iter().zip(&self.cells) {
            out.push_str(&staff.id);
            for cell in row {
                out.push(' ');
                out.push_str(cell.map_or("-", |s| model.shifts[s].id.as_str()));
            }
            out.push('\n');
        }
        out
    }
}
