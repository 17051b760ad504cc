//! User configuration: rules turned off or given another severity, and local
//! publication deadlines. Written in TOML (see `docs/rules.md`), applied in one place
//! (the engine), never by the rules themselves.

use std::collections::BTreeMap;

use xxgk_model::BodyKind;

use crate::deadlines::{Deadlines, MonthDay, statutory_deadline};
use crate::rule::Rule;
use crate::{Severity, registry};

/// What the configuration says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The rule does not run.
    Off,
    /// The rule runs and its findings get this severity.
    On(Severity),
}

/// The configuration of a check.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    rules: BTreeMap<&'static str, Level>,
    /// Local publication deadlines.
    pub deadlines: Deadlines,
}

/// The default configuration: every rule at its default severity, statutory deadlines.
pub(crate) static DEFAULT: Config = Config {
    rules: BTreeMap::new(),
    deadlines: Deadlines {
        department: None,
        government: None,
        other: None,
    },
};

/// A configuration that cannot be used, with the key it concerns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The text is not valid TOML.
    #[error("配置文件不是有效的 TOML：{0}")]
    Syntax(String),
    /// A key or value is wrong.
    #[error("配置项 {key}：{reason}")]
    Invalid {
        /// The key, as a dotted path (`rules.S999`, `deadlines.department`).
        key: String,
        /// What is wrong, in Chinese.
        reason: String,
    },
}

fn invalid(key: impl Into<String>, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key: key.into(),
        reason: reason.into(),
    }
}

impl Config {
    /// The level of a rule: its configured level, else its default severity.
    pub fn level(&self, rule: &Rule) -> Level {
        self.rules
            .get(rule.code)
            .copied()
            .unwrap_or(Level::On(rule.severity))
    }

    /// Sets the level of a rule, named by code or name.
    pub fn set_level(&mut self, rule: &str, level: Level) -> Result<(), ConfigError> {
        let found = registry::find(rule)
            .ok_or_else(|| invalid(format!("rules.{rule}"), "没有这个规则代码或名称"))?;
        self.rules.insert(found.code, level);
        Ok(())
    }

    /// Sets a local publication deadline for a kind of body: a day of the year
    /// after the report year, no later than the statutory one (a local rule can
    /// only bring the deadline forward).
    pub fn set_deadline(&mut self, kind: BodyKind, day: MonthDay) -> Result<(), ConfigError> {
        let statutory = statutory_deadline(kind);
        if day > statutory {
            return Err(invalid(
                format!("deadlines.{}", deadline_key(kind)),
                format!("本地期限 {day} 晚于条例第四十九条规定的 {statutory}，本地规定只能提前"),
            ));
        }
        match kind {
            BodyKind::Department => self.deadlines.department = Some(day),
            BodyKind::Government => self.deadlines.government = Some(day),
            BodyKind::Other => self.deadlines.other = Some(day),
        }
        Ok(())
    }

    /// Reads a configuration from TOML text (feature `toml`, on by default):
    ///
    /// ```toml
    /// [rules]
    /// S003 = "off"                   # 规则代码或名称 = "off" | "error" | "warning" | "info"
    /// heading-not-official = "info"
    ///
    /// [deadlines]                    # 本地公布期限：报告年度次年的“月-日”
    /// department = "01-25"
    /// government = "02-20"
    /// other = "01-31"
    /// ```
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| ConfigError::Syntax(e.to_string()))?;
        let mut config = Config::default();
        for (key, value) in &table {
            match key.as_str() {
                "rules" => config.read_rules(value)?,
                "deadlines" => config.read_deadlines(value)?,
                other => {
                    return Err(invalid(
                        other,
                        "未知的配置项（可用的有 [rules] 和 [deadlines]）",
                    ));
                }
            }
        }
        Ok(config)
    }

    #[cfg(feature = "toml")]
    fn read_rules(&mut self, value: &toml::Value) -> Result<(), ConfigError> {
        let table = value
            .as_table()
            .ok_or_else(|| invalid("rules", "应为一个表，如 [rules] S003 = \"off\""))?;
        for (rule, level) in table {
            let key = format!("rules.{rule}");
            let level = match level.as_str() {
                Some("off") => Level::Off,
                Some("error") => Level::On(Severity::Error),
                Some("warning") => Level::On(Severity::Warning),
                Some("info") => Level::On(Severity::Info),
                _ => {
                    return Err(invalid(
                        key,
                        format!(
                            "取值应为 \"off\"、\"error\"、\"warning\" 或 \"info\"，实为 {level}"
                        ),
                    ));
                }
            };
            self.set_level(rule, level)?;
        }
        Ok(())
    }

    #[cfg(feature = "toml")]
    fn read_deadlines(&mut self, value: &toml::Value) -> Result<(), ConfigError> {
        let table = value.as_table().ok_or_else(|| {
            invalid(
                "deadlines",
                "应为一个表，如 [deadlines] department = \"01-25\"",
            )
        })?;
        for (kind_name, date) in table {
            let key = format!("deadlines.{kind_name}");
            let kind = match kind_name.as_str() {
                "department" => BodyKind::Department,
                "government" => BodyKind::Government,
                "other" => BodyKind::Other,
                _ => {
                    return Err(invalid(key, "机关类别应为 department、government 或 other"));
                }
            };
            let day = date.as_str().and_then(parse_month_day).ok_or_else(|| {
                invalid(
                    &key,
                    format!("应为报告年度次年的“月-日”，如 \"01-25\"，实为 {date}"),
                )
            })?;
            self.set_deadline(kind, day)?;
        }
        Ok(())
    }
}

/// The key of a kind of body under `[deadlines]`.
fn deadline_key(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Department => "department",
        BodyKind::Government => "government",
        BodyKind::Other => "other",
    }
}

/// `01-25` or `1-25`.
#[cfg_attr(not(feature = "toml"), allow(dead_code))]
fn parse_month_day(text: &str) -> Option<MonthDay> {
    let (m, d) = text.trim().split_once('-')?;
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(m) || !all_digits(d) {
        return None;
    }
    MonthDay::new(m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_days_parse_and_refuse_nonsense() {
        assert_eq!(parse_month_day("01-25"), MonthDay::new(1, 25));
        assert_eq!(parse_month_day("1-5"), MonthDay::new(1, 5));
        for bad in ["02-29", "13-01", "0125", "01-", "a-b", "001-01", "-1-02"] {
            assert_eq!(parse_month_day(bad), None, "{bad}");
        }
    }
}
