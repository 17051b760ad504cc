//! Rules about the text: required content (R…) and the narrative (N…).

use super::*;

fn overview_text(r: &mut Report, text: &str) {
    r.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
}

#[test]
fn n001_no_applications_claim_contradicted() {
    let mut draws = dept(2025);
    for row in [NEW, OPEN, RESULTS_TOTAL] {
        t3(&mut draws, row, NP, 1);
        t3(&mut draws, row, TOTAL, 1);
    }
    let mut passes = draws.clone();
    overview_text(
        &mut draws,
        "2025年，本局未收到政府信息公开申请，未发生行政复议。",
    );
    // 申请人 is not 申请: nothing is said about how many applications came in.
    overview_text(&mut passes, "2025年，逾期未收到申请人缴纳的信息处理费。");
    run("N001", &draws, &passes);
}

#[test]
fn n002_parts_exceed_total() {
    let mut draws = dept(2025);
    overview_text(
        &mut draws,
        "全年共发布信息480条，其中工作动态230条，通知公告160条，专栏信息140条。",
    );
    // A total written as a lower bound may be exceeded.
    let mut passes = dept(2025);
    overview_text(
        &mut passes,
        "全年共发布信息480余条，其中工作动态230条，通知公告160条，专栏信息140条。",
    );
    run("N002", &draws, &passes);
}

fn other_text(r: &mut Report, text: &str) {
    r.sections.other.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
}

#[test]
fn r001_fee_statement_missing() {
    let mut draws = dept(2025);
    other_text(&mut draws, "无。");
    // Before 2021 a bare 无 is acceptable.
    let mut passes = dept(2020);
    other_text(&mut passes, "无。");
    run("R001", &draws, &passes);
}

#[test]
fn r002_accountability_results_missing() {
    let text = "全年主动公开政府信息，依法办理申请，将政务公开纳入年度考核。";
    let mut draws = clean(2025, BodyKind::Government);
    draws.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
    // Only governments must report them.
    let mut passes = dept(2025);
    passes.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.into())];
    run("R002", &draws, &passes);
}

#[test]
fn r003_section_empty() {
    let mut draws = dept(2025);
    draws.sections.problems.as_mut().unwrap().body = vec![Block::Paragraph("无。".into())];
    let mut passes = dept(2020);
    other_text(&mut passes, "无。");
    run("R003", &draws, &passes);
}

const PARTLY: &str = "三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
const UNKNOWN: &str = "三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息";
const BUSINESS: &str = "法人或其他组织/商业企业";
const DIRECT: &str = "行政诉讼/未经复议直接起诉";
const AFTER_REVIEW: &str = "行政诉讼/复议后起诉";
const PENALTY_ROW: &str = "第二十条第（六）项/行政处罚";

/// A 2025 department's report whose tables hold figures its text can state:
/// 40 new applications and 2 carried in; 30 open, 6 partly, 4 unavailable, 2
/// carried out; one review, three lawsuits; 3 documents made, 1 repealed, 20 in
/// force; 6 penalty decisions; 12.5 万元 of fees.
fn with_figures() -> Report {
    let mut r = dept(2025);
    for (row, np, business) in [
        (NEW, 38, 2),
        (CARRIED_IN, 2, 0),
        (OPEN, 28, 2),
        (PARTLY, 6, 0),
        (UNKNOWN, 4, 0),
        (RESULTS_TOTAL, 38, 2),
        (CARRIED_OUT, 2, 0),
    ] {
        t3(&mut r, row, NP, np);
        t3(&mut r, row, BUSINESS, business);
        t3(&mut r, row, TOTAL, np + business);
    }
    for (row, column, v) in [
        (REVIEW, "结果维持", 1),
        (REVIEW, TOTAL, 1),
        (DIRECT, "结果维持", 2),
        (DIRECT, TOTAL, 2),
        (AFTER_REVIEW, "结果纠正", 1),
        (AFTER_REVIEW, TOTAL, 1),
    ] {
        t4(&mut r, row, column, v);
    }
    for (row, column, v) in [
        (DOCS_ROW, "本年制发件数", "3"),
        (DOCS_ROW, "本年废止件数", "1"),
        (DOCS_ROW, "现行有效件数", "20"),
        (PENALTY_ROW, "本年处理决定数量", "6"),
        (FEE_ROW, FEE_COL, "12.5"),
    ] {
        put(&mut r, TableId::Proactive, row, column, cell(v));
    }
    r
}

/// Adds paragraphs to section 一 (after the clean report's own).
fn add_overview(r: &mut Report, paragraphs: &[&str]) {
    let body = &mut r.sections.overview.as_mut().unwrap().body;
    body.extend(paragraphs.iter().map(|p| Block::Paragraph((*p).to_owned())));
}

/// Every legitimate reading of the tables, in the shapes reports write them.
const STATES_THE_TABLES: &[&str] = &[
    "（二）依申请公开情况",
    "2025年，本局共受理政府信息公开申请42件（含上年结转2件），新收４０件，其中自然人38件、商业企业2件；办结38件（不含上年结转申请），予以公开及部分公开三十六件，占90%，无法提供4件，另有2件结转下年度继续办理。",
    "全年收到依申请公开40余件，答复政府信息公开申请40件。发生政府信息公开行政复议1件，维持1件；行政诉讼2件。",
    "本年制发行政规范性文件3件，废止规范性文件1件，截至年底现行有效行政规范性文件20件；作出行政处罚决定6件，收取行政事业性收费125000元。全年主动公开信息约500条，其中动态300条、公告260条。",
];

#[test]
fn n003_figure_contradicts_table() {
    let mut draws = with_figures();
    add_overview(
        &mut draws,
        &[
            "（二）依申请公开情况",
            "2025年，本局共受理政府信息公开申请42件，办结40件，其中予以公开和部分公开共30件，无法提供4件。",
            "本年制发行政规范性文件5件，本局暂未废止规范性文件。",
        ],
    );
    let mut passes = with_figures();
    add_overview(&mut passes, STATES_THE_TABLES);
    run("N003", &draws, &passes);
    let d = check(&draws);
    let figures: Vec<&str> = d.by_code("N003").map(|d| d.message.as_str()).collect();
    assert_eq!(figures.len(), 3, "{figures:#?}");
    assert!(figures[0].contains("30件") && figures[0].contains("为 36"));
    assert!(figures[1].contains("5件") && figures[1].contains("为 3"));
    assert!(figures[2].contains("正文称没有") && figures[2].contains("为 1"));
    // The legitimate readings draw nothing from any narrative rule.
    assert!(
        check(&passes)
            .diagnostics
            .iter()
            .all(|d| !d.code.starts_with('N')),
        "{:#?}",
        check(&passes)
    );
}

#[test]
fn n004_figure_scope_differs() {
    let mut draws = with_figures();
    add_overview(
        &mut draws,
        &[
            "2025年，局办公室代表本局受理政府信息公开申请12件。",
            "予以公开30件，占60%。",
        ],
    );
    // A scope named in the sentence with the table's figure, a share of it that
    // is right: nothing to say.
    let mut passes = with_figures();
    add_overview(
        &mut passes,
        &["上半年受理政府信息公开申请40件。", "予以公开30件，占75%。"],
    );
    run("N004", &draws, &passes);
    let d = check(&draws);
    let infos: Vec<&str> = d.by_code("N004").map(|d| d.message.as_str()).collect();
    assert_eq!(infos.len(), 2, "{infos:#?}");
    assert!(infos[0].contains("12件") && infos[0].contains("为 40"));
    assert!(infos[1].contains("60%") && infos[1].contains("75%"));
    assert!(d.by_code("N003").next().is_none());
}

#[test]
fn n005_text_year_stale() {
    let mut draws = dept(2025);
    add_overview(
        &mut draws,
        &["2024年，本局坚持依法公开，规范办理政府信息公开申请。"],
    );
    draws.sections.problems.as_mut().unwrap().body = vec![Block::Paragraph(
        "2025年，本局将从以下方面加以改进：一是完善栏目；二是加强培训。".into(),
    )];
    let mut passes = dept(2025);
    add_overview(
        &mut passes,
        &[
            "2025年，本局坚持依法公开，规范办理政府信息公开申请。",
            "2024年以来，本局持续推进政务公开标准化建设。",
            "2024年，本局建成政务公开专区，本年度继续完善。",
        ],
    );
    passes.sections.problems.as_mut().unwrap().body = vec![Block::Paragraph(
        "2026年，本局将从以下方面加以改进：一是完善栏目；二是加强培训。".into(),
    )];
    run("N005", &draws, &passes);
    assert_eq!(check(&draws).by_code("N005").count(), 2);
}

/// Section 五 as a body of fictional paragraphs.
fn problems(r: &mut Report, paragraphs: &[&str]) {
    r.sections.problems.as_mut().unwrap().body = paragraphs
        .iter()
        .map(|p| Block::Paragraph((*p).to_owned()))
        .collect();
}

const LAST_YEAR_PROBLEMS: [&str; 2] = [
    "主要问题：一是政务公开栏目更新不够及时，个别栏目长期没有新内容；二是政策解读形式比较单一，图解和视频解读较少，群众阅读量不高。",
    "改进措施：一是建立栏目更新台账，明确每个栏目的责任科室和更新频次，每月通报一次；二是丰富解读形式，重要政策同步制作图解，提高解读的可读性。",
];

#[test]
fn n006_section_copied_from_previous() {
    let mut previous = dept(2024);
    problems(&mut previous, &LAST_YEAR_PROBLEMS);
    let mut draws = dept(2025);
    problems(&mut draws, &LAST_YEAR_PROBLEMS);
    let mut passes = dept(2025);
    problems(
        &mut passes,
        &[
            "主要问题：一是依申请公开答复书格式不够统一；二是新媒体账号较多，维护力量不足。",
            "改进措施：一是制定答复书范本并组织培训；二是整合新媒体账号，保留两个主账号。",
        ],
    );
    with_previous("N006", (&draws, &previous), (&passes, &previous));
}

#[test]
fn n007_paragraph_copied_from_previous() {
    let copied = "加强门户网站日常管理，运用第三方平台对全部栏目常态化监测，严格执行先审后发程序，未经审核的信息一律不得发布，全年未发生信息安全事件。";
    let mut previous = dept(2024);
    add_overview(&mut previous, &[copied]);
    let mut draws = dept(2025);
    add_overview(
        &mut draws,
        &[
            copied,
            "本年度新建政务公开专区，设置查阅席位三个，群众可现场查阅本局主动公开的各类文件和办事指南，全年接待查阅二百余人次，并收集意见建议十二条。",
            "全年组织政务公开业务培训两次，覆盖全局各科室和直属单位的信息员，培训后开展测试，整改了答复书格式、公开属性认定等方面的共性问题。",
        ],
    );
    // The set phrase of section 六 is last year's too, but too short to say.
    let mut passes = draws.clone();
    passes.sections.overview.as_mut().unwrap().body.remove(1);
    with_previous("N007", (&draws, &previous), (&passes, &dept(2024)));
}

#[test]
fn n008_list_numbering_broken() {
    let mut draws = dept(2025);
    problems(
        &mut draws,
        &["主要问题：一是栏目更新不够及时；三是解读形式比较单一；三是队伍力量不足。"],
    );
    add_overview(
        &mut draws,
        &[
            "（一）主动公开情况。全年主动公开信息。",
            "（二）依申请公开情况。依法办理。",
            "（二）监督保障情况。纳入考核。",
        ],
    );
    let mut passes = dept(2025);
    problems(
        &mut passes,
        &[
            "主要问题：一是栏目更新不够及时；二是解读形式比较单一。改进措施：一是建立台账；二是丰富形式。",
            "（一）完善制度",
            "1.修订公开指南。",
            "2.更新公开目录。",
            "（二）加强培训",
            "1.组织业务培训。",
        ],
    );
    run("N008", &draws, &passes);
    assert_eq!(check(&draws).by_code("N008").count(), 2);
}
