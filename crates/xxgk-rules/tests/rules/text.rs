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
