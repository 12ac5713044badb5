//! What is worked out from one generation of the document besides its ranking and its
//! stability figures: each agency's view of the themes, and the year-on-year comparison with
//! last year's scorecard. Worked out the first time a panel asks (a closed panel costs
//! nothing), kept until the document changes, so panels only read.

use std::cell::{OnceCell, RefCell};
use std::sync::Arc;

use crate::model::Scorecard;
use crate::model::agencies::{AgencyView, agency_views};
use crate::model::diff::{Diff, diff};

/// The cache for one generation; a change of the document starts a new one.
#[derive(Default)]
pub struct Derived {
    agencies: OnceCell<Arc<Vec<AgencyView>>>,
    /// Last year's scorecard (the one compared with) and the comparison.
    year_on_year: RefCell<Option<(Arc<Scorecard>, Arc<Diff>)>>,
}

impl Derived {
    /// Each agency's view of the themes in `card`.
    pub fn agency_views(&self, card: &Scorecard) -> Arc<Vec<AgencyView>> {
        self.agencies
            .get_or_init(|| Arc::new(agency_views(card)))
            .clone()
    }

    /// What changed from `last_year` to `card`.
    pub fn year_on_year(&self, last_year: &Arc<Scorecard>, card: &Scorecard) -> Arc<Diff> {
        let mut cached = self.year_on_year.borrow_mut();
        match cached.as_ref() {
            Some((old, d)) if Arc::ptr_eq(old, last_year) => d.clone(),
            _ => {
                let d = Arc::new(diff(last_year, card));
                *cached = Some((last_year.clone(), d.clone()));
                d
            }
        }
    }

    /// Whether the agency views of this generation have been worked out (tests).
    pub fn has_agency_views(&self) -> bool {
        self.agencies.get().is_some()
    }
}
