//! The labour-market indicator a view shows (the `ind=` URL parameter): the vacancies per
//! jobseeker ratio, open or new vacancies, jobseekers, placements (counts per month), or the change
//! in open vacancies vs the same months a year earlier (%). Computed by `aggregate::indicator_value`.
//! Not to be confused with `indicators`, the official regional series.

/// What the map, series and rankings show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Indicator {
    #[default]
    Ratio,
    VacanciesOpen,
    VacanciesNew,
    Jobseekers,
    Placements,
    /// Open vacancies: change (%) vs the same months a year earlier.
    Change,
}

impl Indicator {
    pub const ALL: [Indicator; 6] = [
        Indicator::Ratio,
        Indicator::VacanciesOpen,
        Indicator::VacanciesNew,
        Indicator::Jobseekers,
        Indicator::Placements,
        Indicator::Change,
    ];
    /// Its code in the URL and in exported file names.
    pub fn code(self) -> &'static str {
        match self {
            Indicator::Ratio => "ratio",
            Indicator::VacanciesOpen => "open",
            Indicator::VacanciesNew => "new",
            Indicator::Jobseekers => "jobseekers",
            Indicator::Placements => "placements",
            Indicator::Change => "change",
        }
    }
    /// The indicator a URL code names (`ratio`, `open`, `new`, `jobseekers`, `placements`, `change`).
    pub fn from_code(s: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.code() == s)
    }
    /// Decimals shown for a value of this indicator.
    pub fn decimals(self) -> usize {
        match self {
            Indicator::Ratio => 2,
            Indicator::Change => 1,
            _ => 0,
        }
    }
}
