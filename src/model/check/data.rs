//! Checks of factors' data rules: levels on the factor's scale, thresholds in order, and
//! `within_chance` only where the measure is a change.

use crate::model::check::{MethodIssue, issue, quoted};
use crate::model::data_rule::Measure;
use crate::model::method::Method;

pub(super) fn check_data_rules(method: &Method, out: &mut Vec<MethodIssue>) {
    for (_, factor) in method.factors() {
        let Some(rule) = &factor.data else { continue };
        let q = quoted(factor.id.as_str());
        let at = ["sections:", q.as_str(), "data:"];
        let id = factor.id.as_str();
        if rule.levels.is_empty() {
            out.push(issue(
                format!("factor \"{id}\": the data rule has no levels"),
                &at,
            ));
        }
        for (i, level) in rule.levels.iter().enumerate() {
            let give = quoted(&level.give);
            let lat = ["sections:", q.as_str(), "data:", give.as_str()];
            if let Err(e) = factor.scale.parse(&level.give) {
                out.push(issue(
                    format!("factor \"{id}\": the data rule gives {give}: {e}"),
                    &lat,
                ));
            }
            match (i, level.from) {
                (0, Some(_)) => out.push(issue(
                    format!("factor \"{id}\": the data rule's first level takes everything below the next, so it has no `from`"),
                    &lat,
                )),
                (1.., None) => out.push(issue(
                    format!("factor \"{id}\": every data level after the first needs `from`"),
                    &lat,
                )),
                (_, Some(f)) if !f.is_finite() => out.push(issue(
                    format!("factor \"{id}\": a data level's `from` must be a number"),
                    &lat,
                )),
                _ => {}
            }
        }
        let froms: Vec<f64> = rule.levels.iter().filter_map(|l| l.from).collect();
        if froms.windows(2).any(|w| w[1] <= w[0]) {
            out.push(issue(
                format!(
                    "factor \"{id}\": the data rule's `from` values must rise, lowest level first"
                ),
                &at,
            ));
        }
        if let Some(w) = &rule.within_chance {
            if rule.measure != Measure::Change {
                out.push(issue(
                    format!("factor \"{id}\": within_chance is only for the Change measure"),
                    &at,
                ));
            }
            if let Err(e) = factor.scale.parse(w) {
                out.push(issue(
                    format!("factor \"{id}\": within_chance gives \"{w}\": {e}"),
                    &at,
                ));
            }
        }
    }
}
