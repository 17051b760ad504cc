//! The command line in Chinese: clap writes its help headings, its `--help`
//! and `--version` flags, the possible and default values of an option, and its
//! errors in English; users of xxgk read Chinese. The command clap derives is
//! rewritten here, once, before parsing.

use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The help page of every command.
const TEMPLATE: &str = "\
{before-help}{about-with-newline}
用法：{usage}

{all-args}{after-help}";

/// The commands, for messages.
const COMMAND_NAMES: &str = "init、check、rules、explain、render、import、export、sum、help";

/// Headings the arguments are listed under.
const ARGUMENTS: &str = "参数";
const OPTIONS: &str = "选项";
const COMMANDS: &str = "命令";

/// The command with Chinese help: headings, the help and version flags, and the
/// possible and default values said in the option's own help.
pub(crate) fn localize(cmd: Command, top: bool) -> Command {
    let mut cmd = cmd
        .help_template(TEMPLATE)
        .subcommand_help_heading(COMMANDS)
        .subcommand_value_name("命令")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(localize_arg)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading(OPTIONS),
        );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading(OPTIONS),
        );
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    let parent = cmd.get_name().to_owned();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| {
            let sub = localize(sub, false);
            // The usage line in Chinese: clap writes `[OPTIONS]`.
            let usage = sub
                .clone()
                .bin_name(format!("{parent} {name}"))
                .render_usage()
                .to_string();
            let usage = usage.trim_start_matches("Usage:").trim();
            let usage = usage.replace("[OPTIONS]", "[选项]");
            sub.override_usage(usage)
        });
    }
    cmd
}

fn localize_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() {
        ARGUMENTS
    } else {
        OPTIONS
    };
    if !arg.get_action().takes_values() {
        return arg.help_heading(heading);
    }
    let shown: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let values: Vec<String> = shown.iter().map(|v| v.get_name().to_owned()).collect();
    // Values with a description are listed one a line after the help.
    let described: String = shown
        .iter()
        .filter_map(|v| Some(format!("\n  {}：{}", v.get_name(), v.get_help()?)))
        .collect();
    let default: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut extra = Vec::new();
    if !values.is_empty() && described.is_empty() {
        extra.push(format!("可选：{}", values.join("、")));
    }
    if !default.is_empty() {
        extra.push(format!("默认：{}", default.join("、")));
    }
    let mut arg = arg
        .help_heading(heading)
        .hide_possible_values(true)
        .hide_default_value(true);
    if !extra.is_empty() {
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        let help = help.trim_end_matches('。');
        arg = arg.help(format!("{help}（{}）。", extra.join("；")));
    }
    if !described.is_empty() {
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        arg = arg.help(format!("{help}可选：{described}"));
    }
    arg
}

/// A parse error as a Chinese message (help and version requests are not errors:
/// clap prints them).
pub(crate) fn error_message(err: &clap::Error) -> String {
    let context = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let what = match err.kind() {
        ErrorKind::InvalidValue => {
            let valid = context(ContextKind::ValidValue);
            let suggested = context(ContextKind::SuggestedValue);
            if !suggested.is_empty() {
                format!("{arg} 的取值“{value}”无效，是否要用 {suggested}？")
            } else if valid.is_empty() {
                format!("{arg} 的取值“{value}”无效")
            } else {
                format!("{arg} 的取值“{value}”无效，可选：{valid}")
            }
        }
        ErrorKind::UnknownArgument => {
            let suggested = context(ContextKind::SuggestedArg);
            if suggested.is_empty() {
                format!("不认识的参数“{arg}”")
            } else {
                format!("不认识的参数“{arg}”，是否要用 {suggested}？")
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand);
            let suggested = context(ContextKind::SuggestedSubcommand);
            if suggested.is_empty() {
                format!("没有命令“{name}”；可用的命令：{COMMAND_NAMES}")
            } else {
                format!("没有命令“{name}”，是否要用 {suggested}？")
            }
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("缺少命令：{COMMAND_NAMES}")
        }
        ErrorKind::ArgumentConflict => format!(
            "参数 {arg} 不能与 {} 同时使用",
            context(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("{arg} 的值的个数不对")
        }
        ErrorKind::ValueValidation => format!("{arg} 的取值“{value}”无效"),
        ErrorKind::NoEquals => format!("{arg} 需要用“=”给出取值"),
        ErrorKind::InvalidUtf8 => "参数中有无法识别的字符（不是 UTF-8）".to_owned(),
        _ => "命令行参数有误".to_owned(),
    };
    let stop = if what.ends_with('？') { "" } else { "。" };
    format!("错误：{what}{stop}运行 xxgk --help 或 xxgk <命令> --help 查看用法。")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::Cli;

    fn help(args: &[&str]) -> String {
        let err = localize(Cli::command(), true)
            .try_get_matches_from(args)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::DisplayHelp);
        err.render().to_string()
    }

    #[test]
    fn the_localized_command_is_valid() {
        localize(Cli::command(), true).debug_assert();
    }

    #[test]
    fn help_pages_are_chinese() {
        for args in [
            &["xxgk", "--help"][..],
            &["xxgk", "check", "--help"],
            &["xxgk", "render", "-h"],
            &["xxgk", "init", "--help"],
            &["xxgk", "export", "--help"],
        ] {
            let text = help(args);
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "Print help",
                "possible values",
                "[default",
            ] {
                assert!(!text.contains(english), "{args:?}: {english} in\n{text}");
            }
            assert!(
                text.contains("用法：") && text.contains("选项"),
                "{args:?}\n{text}"
            );
            assert!(
                !text.contains("[OPTIONS]") && !text.contains("true、false"),
                "{args:?}\n{text}"
            );
        }
        let check = help(&["xxgk", "check", "--help"]);
        assert!(
            check.contains("（可选：text、json；默认：text）"),
            "{check}"
        );
        let top = help(&["xxgk", "--help"]);
        assert!(top.contains("命令") && top.contains("显示版本"), "{top}");
    }

    #[test]
    fn errors_are_chinese_and_name_the_argument() {
        let err = |args: &[&str]| {
            let e = localize(Cli::command(), true)
                .try_get_matches_from(args)
                .unwrap_err();
            error_message(&e)
        };
        assert!(
            err(&["xxgk", "render", "a.toml", "--to", "htm"])
                .starts_with("错误：--to <TO> 的取值“htm”无效，是否要用 html？")
        );
        assert_eq!(
            err(&["xxgk", "render", "a.toml", "--to", "pdf"]),
            "错误：--to <TO> 的取值“pdf”无效，可选：txt、md、html、docx。运行 xxgk --help 或 xxgk <命令> --help 查看用法。"
        );
        assert!(err(&["xxgk", "check", "a.toml", "--bogus"]).contains("不认识的参数“--bogus”。"));
        assert!(
            err(&["xxgk", "check", "a.toml", "--fromat", "json"])
                .contains("不认识的参数“--fromat”，是否要用 --format？")
        );
        assert!(err(&["xxgk", "frobnicate"]).contains("没有命令“frobnicate”；可用的命令"));
        assert!(err(&["xxgk", "chek"]).contains("没有命令“chek”，是否要用 check？运行"));
        assert!(err(&["xxgk", "export", "a.toml"]).contains("缺少必需的参数"));
    }
}
