//! The style sheet: the usual look of a government document on screen and in print.
//!
//! Body in 仿宋 (`FangSong`), section headings in 黑体 (`SimHei`), sub-headings in
//! 楷体 (`KaiTi`), the title in 小标宋 with 宋体 after it, tables in 宋体 as the official
//! template sets them — each with the names these fonts carry on Windows, macOS and
//! government machines, then open CJK fonts, then the generic family. Print: A4 with
//! the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), body
//! 16 pt (三号), tables 10.5 pt (五号), a table kept on one page where it fits (a
//! longer one runs over with its header rows repeated), no row split across pages. Font stacks are written out in each rule rather than in custom
//! properties, so that browsers in old compatibility modes still get them. Every
//! rule is scoped to `.xxgk-report`, so the fragment can carry the
//! sheet into a portal page without touching the page's own styles.

/// The page box for printing a complete page (left out of the fragment, whose host
/// page decides its own paper).
pub(crate) const PAGE: &str = "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }\n";

/// The style sheet, scoped to `.xxgk-report`.
pub(crate) const STYLE: &str = r#"
.xxgk-report {
  box-sizing: border-box;
  max-width: 860px;
  margin: 0 auto;
  padding: 48px 40px;
  color: #000;
  background: #fff;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif;
  font-size: 18px;
  line-height: 1.75;
  text-align: justify;
}
.xxgk-report h1 {
  margin: 0 0 1.2em;
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "SimSun", "宋体", "STSong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 1.6em;
  font-weight: normal;
  line-height: 1.5;
  text-align: center;
}
.xxgk-report .xxgk-title-part { display: inline-block; }
.xxgk-report h2, .xxgk-report h3 {
  margin: 0;
  font-size: 1em;
  font-weight: normal;
  line-height: inherit;
  text-indent: 2em;
  break-after: avoid;
  page-break-after: avoid;
}
.xxgk-report h2 { font-family: "SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
.xxgk-report h3 { font-family: "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体", "AR PL UKai CN", "Noto Serif CJK SC", serif; }
.xxgk-report p { margin: 0; text-indent: 2em; }
.xxgk-report .xxgk-closing { margin-top: 2em; }
.xxgk-report .xxgk-closing p { text-align: right; text-indent: 0; padding-right: 2em; }
.xxgk-report table {
  width: 100%;
  margin: 0.6em 0 1em;
  border-collapse: collapse;
  border-spacing: 0;
  table-layout: fixed;
  font-family: "SimSun", "宋体", "STSong", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 14px;
  line-height: 1.4;
  text-align: center;
  text-indent: 0;
  break-inside: avoid;
  page-break-inside: avoid;
}
.xxgk-report th, .xxgk-report td {
  padding: 4px 3px;
  border: 1px solid #000;
  font-weight: normal;
  vertical-align: middle;
  overflow-wrap: anywhere;
}
/* A number is never broken inside its cell: printed narrow, a wrapped 3001
   reads as 300 and 1. */
.xxgk-report td { overflow-wrap: normal; word-break: keep-all; white-space: nowrap; }
.xxgk-report th.xxgk-label, .xxgk-report th.xxgk-caption, .xxgk-report th.xxgk-note { text-align: left; }
.xxgk-report th.xxgk-caption {
  background: #c6d9f1;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
.xxgk-report th.xxgk-note { font-family: "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体", "AR PL UKai CN", "Noto Serif CJK SC", serif; }
.xxgk-report thead { display: table-header-group; }
.xxgk-report tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  .xxgk-report { max-width: none; padding: 0; font-size: 16pt; line-height: 28pt; }
  .xxgk-report h1 { font-size: 22pt; line-height: 1.5; }
  .xxgk-report table { font-size: 10.5pt; line-height: 1.25; }
  .xxgk-report th, .xxgk-report td { padding: 1pt 2pt; }
}
"#;
