//! Reports of any size, in the forms agencies publish: the bundled examples (a
//! clean 2021-format government report and a clean 2019-format department report,
//! fictional) with as many paragraphs of fictional prose added to their text
//! sections as make the rendered file the size asked for, written by the renderer
//! as plain text, an HTML page or a Word file.
//!
//! Deterministic: the same arguments give the same bytes. The prose states no
//! figure and no year, so the tables and what the text says still agree: a
//! generated report checks as cleanly as its example.

use xxgk_import::{ImportOptions, import};
use xxgk_model::{Block, FormatVersion, Report, TextSection};
use xxgk_render::{HtmlOptions, RenderError, TextOptions, to_docx, to_html, to_text};

/// The bundled example of the 2021 format (a county government's report).
pub const EXAMPLE_2021: &str =
    include_str!("../../crates/xxgk-model/tests/examples/qinghe-gov-2025.toml");
/// The bundled example of the 2019 format (a department's report).
pub const EXAMPLE_2019: &str =
    include_str!("../../crates/xxgk-model/tests/examples/qinghe-water-2020.toml");

/// A form a report is published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Plain text, as copied from a page.
    Text,
    /// An HTML page.
    Html,
    /// A Word file (.docx).
    Docx,
}

impl Form {
    /// Every form.
    pub const ALL: [Form; 3] = [Form::Text, Form::Html, Form::Docx];

    /// The file extension of the form.
    pub fn extension(self) -> &'static str {
        match self {
            Form::Text => "txt",
            Form::Html => "html",
            Form::Docx => "docx",
        }
    }
}

/// What to generate, as the tools take it on their command line: a version
/// (`2019`, `2021`), a form (`txt`, `html`, `docx`) and a size in bytes.
///
/// # Errors
/// A message naming the word that is none of these.
pub fn parse_spec(
    version: &str,
    form: &str,
    bytes: &str,
) -> Result<(FormatVersion, Form, usize), String> {
    let version = [FormatVersion::V2019, FormatVersion::V2021]
        .into_iter()
        .find(|v| v.as_str() == version)
        .ok_or_else(|| format!("{version}: the version is 2019 or 2021"))?;
    let form = Form::ALL
        .into_iter()
        .find(|f| f.extension() == form)
        .ok_or_else(|| format!("{form}: the form is txt, html or docx"))?;
    let size = bytes
        .parse()
        .map_err(|_| format!("{bytes}: not a number of bytes"))?;
    Ok((version, form, size))
}

/// The bundled example of a format version, as a model.
///
/// # Panics
/// If the bundled example does not read (a test of this crate reads both).
pub fn example(version: FormatVersion) -> Report {
    let text = match version {
        FormatVersion::V2019 => EXAMPLE_2019,
        FormatVersion::V2021 => EXAMPLE_2021,
    };
    import(
        text.as_bytes(),
        &ImportOptions::default().file_name("example.toml"),
    )
    .expect("the bundled example reads")
    .report
}

/// The example of `version` with `paragraphs` paragraphs of prose added, spread
/// over the text sections 一, 五 and 六 in turn.
pub fn report(version: FormatVersion, paragraphs: usize) -> Report {
    let mut report = example(version);
    // Seeded by the version's year, so each version has its own prose.
    let seed = version.as_str().parse().unwrap_or(0);
    let mut prose = Prose::new(seed);
    let mut added: [Vec<Block>; 3] = Default::default();
    for i in 0..paragraphs {
        added[i % 3].push(Block::Paragraph(prose.paragraph()));
    }
    let [overview, problems, other] = added;
    let sections = &mut report.sections;
    for (section, blocks) in [
        (&mut sections.overview, overview),
        (&mut sections.problems, problems),
        (&mut sections.other, other),
    ] {
        section
            .get_or_insert_with(TextSection::default)
            .body
            .extend(blocks);
    }
    report
}

/// A report of `version` written in `form`, of about `bytes` bytes (within 2 %;
/// never less than the example itself).
pub fn bytes(version: FormatVersion, form: Form, bytes: usize) -> Result<Vec<u8>, RenderError> {
    // What a paragraph adds, measured on a sample, then corrected from what the
    // estimate gave: a Word file's compression makes the first estimate rough.
    const SAMPLE: usize = 64;
    let base = render(&report(version, 0), form)?;
    if bytes <= base.len() {
        return Ok(base);
    }
    let need = bytes - base.len();
    let sample = render(&report(version, SAMPLE), form)?.len();
    let mut paragraphs = estimate(need, sample.saturating_sub(base.len()), SAMPLE);
    let mut made = render(&report(version, paragraphs), form)?;
    for _ in 0..4 {
        if made.len().abs_diff(bytes) <= bytes / 100 {
            break;
        }
        paragraphs = estimate(need, made.len().saturating_sub(base.len()), paragraphs);
        made = render(&report(version, paragraphs), form)?;
    }
    Ok(made)
}

/// The paragraphs that make `need` bytes, when `paragraphs` made `added`.
fn estimate(need: usize, added: usize, paragraphs: usize) -> usize {
    need.saturating_mul(paragraphs)
        .div_ceil(added.max(1))
        .max(1)
}

/// The report written in `form`.
pub fn render(report: &Report, form: Form) -> Result<Vec<u8>, RenderError> {
    Ok(match form {
        Form::Text => to_text(report, &TextOptions::default()).into_bytes(),
        Form::Html => to_html(report, &HtmlOptions::default()).into_bytes(),
        Form::Docx => to_docx(report)?,
    })
}

/// Sentences of fictional prose about disclosure work: no figures, no years, so
/// nothing a rule compares with the tables.
struct Prose {
    state: u64,
}

const SUBJECTS: &[&str] = &[
    "本机关",
    "各承办科室",
    "政务公开工作小组",
    "信息发布审核人员",
    "门户网站管理团队",
    "政务服务窗口",
    "办公室",
];
const ACTIONS: &[&str] = &[
    "进一步梳理主动公开目录",
    "按照条例要求完善依申请公开办理流程",
    "加强政策文件的解读和回应",
    "定期检查栏目内容的准确性和时效性",
    "健全信息发布前的保密审查机制",
    "优化政府信息公开指南的表述",
    "规范答复文书的格式和用语",
    "推动重点领域信息集中公开",
    "做好政策问答和办事指引的更新",
    "完善公开平台的检索和导航功能",
];
const MANNERS: &[&str] = &[
    "坚持以公开为常态、不公开为例外",
    "注重群众的实际需求",
    "结合机构职能调整",
    "依托统一的政务公开平台",
    "在上级部门的指导下",
    "对照考核评估中发现的问题",
];
const RESULTS: &[&str] = &[
    "公开内容更加完整",
    "办理过程更加规范",
    "群众查询更加便捷",
    "信息发布更加及时",
    "答复质量有所提升",
    "各环节衔接更加顺畅",
];

impl Prose {
    fn new(seed: u64) -> Prose {
        Prose {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
        }
    }

    /// The next pseudo-random index below `n` (a 64-bit linear congruential
    /// generator: enough to vary the text, and the same on every machine).
    fn pick(&mut self, n: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        // The high bits are the well-mixed ones; `n` is a short list's length.
        let high = usize::try_from(self.state >> 33).unwrap_or(0);
        high % n
    }

    fn paragraph(&mut self) -> String {
        let mut out = String::new();
        let sentences = 2 + self.pick(3);
        for _ in 0..sentences {
            out.push_str(MANNERS[self.pick(MANNERS.len())]);
            out.push('，');
            out.push_str(SUBJECTS[self.pick(SUBJECTS.len())]);
            out.push_str(ACTIONS[self.pick(ACTIONS.len())]);
            out.push('，');
            out.push_str(ACTIONS[self.pick(ACTIONS.len())]);
            out.push('，');
            out.push_str(RESULTS[self.pick(RESULTS.len())]);
            out.push('。');
        }
        out
    }
}
