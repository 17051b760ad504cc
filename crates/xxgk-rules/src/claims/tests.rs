//! The claims read from sentences of each shape, and the figures that are none.

use xxgk_model::{Block, BodyKind, Report};

use super::{
    Block as B, DocKind, DocMeasure, Measure, Outcome, Party, Result4, Scope, Target, claims,
};

/// The claims of one paragraph of section 一 of a 2025 report of `kind`.
fn read_as(kind: BodyKind, text: &str) -> Vec<(String, Target, Option<Scope>)> {
    let mut r = Report::blank("青禾县测试局", 2025, kind).unwrap();
    r.sections.overview.as_mut().unwrap().body = vec![Block::Paragraph(text.to_owned())];
    claims(&r, Some(2025))
        .into_iter()
        .map(|c| (c.stated.shown(), c.target, c.scope))
        .collect()
}

fn read(text: &str) -> Vec<(String, Target)> {
    read_as(BodyKind::Department, text)
        .into_iter()
        .map(|(s, t, _)| (s, t))
        .collect()
}

fn apps(measure: Measure, party: Party) -> Target {
    Target::Applications { measure, party }
}

fn total(measure: Measure) -> Target {
    apps(measure, Party::Total)
}

#[test]
fn applications_received_handled_and_carried() {
    assert_eq!(
        read(
            "全年共受理政府信息公开申请120件，其中新收112件，上年结转8件；答复115件，另有5件顺延到下年度答复。"
        ),
        [
            ("120件".into(), total(Measure::Received)),
            ("112件".into(), total(Measure::Received)),
            ("8件".into(), total(Measure::CarriedIn)),
            ("115件".into(), total(Measure::Handled)),
            ("5件".into(), total(Measure::CarriedOut)),
        ]
    );
    assert_eq!(
        read("本年度办理依申请公开三十五件，涉及自然人３０件、法人或其他组织5件。"),
        [
            ("三十五件".into(), total(Measure::Processed)),
            ("３０件".into(), apps(Measure::Processed, Party::Natural)),
            ("5件".into(), apps(Measure::Processed, Party::Organisations)),
        ]
    );
}

#[test]
fn columns_named_before_the_noun() {
    assert_eq!(
        read("依申请公开方面，共收到申请45件，其中自然人申请40件、来自企业的申请5件。"),
        [
            ("45件".into(), total(Measure::Received)),
            ("40件".into(), apps(Measure::Received, Party::Natural)),
            (
                "5件".into(),
                apps(Measure::Received, Party::Org("法人或其他组织/商业企业"))
            ),
        ]
    );
    // A total whatever the channel is a total.
    assert_eq!(
        read("全年接收通过信函、网络提交的各类政府信息公开申请共计45件。"),
        [("45件".into(), total(Measure::Received))]
    );
}

#[test]
fn outcomes_reviews_and_documents() {
    assert_eq!(
        read("依申请公开方面，办结40件，其中予以公开及部分公开36件，占90%；无法提供4件。"),
        [
            ("40件".into(), total(Measure::Handled)),
            (
                "36件".into(),
                total(Measure::Outcome(Outcome::OpenOrPartly))
            ),
            ("4件".into(), total(Measure::Outcome(Outcome::Unavailable))),
        ]
    );
    assert_eq!(
        read("发生政府信息公开行政复议3件，其中结果维持2件、尚未审结1件；行政诉讼2件，均被纠正。"),
        [
            (
                "3件".into(),
                Target::Reviews {
                    block: B::Review,
                    result: Result4::Total
                }
            ),
            (
                "2件".into(),
                Target::Reviews {
                    block: B::Review,
                    result: Result4::Upheld
                }
            ),
            (
                "1件".into(),
                Target::Reviews {
                    block: B::Review,
                    result: Result4::Pending
                }
            ),
            (
                "2件".into(),
                Target::Reviews {
                    block: B::Litigation,
                    result: Result4::Total
                }
            ),
        ]
    );
    assert_eq!(
        read(
            "本年制发行政规范性文件3件，废止规章1件，作出行政处罚决定12件，收取行政事业性收费12.5万元。"
        ),
        [
            (
                "3件".into(),
                Target::Documents {
                    kind: DocKind::Normative,
                    measure: DocMeasure::Made
                }
            ),
            (
                "1件".into(),
                Target::Documents {
                    kind: DocKind::Rules,
                    measure: DocMeasure::Repealed
                }
            ),
            (
                "12件".into(),
                Target::Decisions(crate::claims::Decision::Penalty)
            ),
            ("12.5万元".into(), Target::Fees),
        ]
    );
}

#[test]
fn denials() {
    assert_eq!(
        read("本局暂未制定规范性文件，未发生政府信息公开行政复议、行政诉讼。"),
        [
            (
                "0".into(),
                Target::Documents {
                    kind: DocKind::Normative,
                    measure: DocMeasure::Made
                }
            ),
            (
                "0".into(),
                Target::Reviews {
                    block: B::Review,
                    result: Result4::Total
                }
            ),
            (
                "0".into(),
                Target::Reviews {
                    block: B::Litigation,
                    result: Result4::Total
                }
            ),
        ]
    );
    assert_eq!(
        read("本年度未收到政府信息公开申请。"),
        [("0".into(), total(Measure::Received))]
    );
    assert_eq!(
        read("未收到政府信息公开行政复议申请。"),
        [(
            "0".into(),
            Target::Reviews {
                block: B::Review,
                result: Result4::Total
            }
        )]
    );
}

#[test]
fn figures_about_something_else_are_no_claims() {
    for text in [
        "全年受理网络问政120件，公开答复4条。",
        "发布政策、规范性文件类信息40条，行政许可类信息45条。",
        "刊登政府规章、规范性文件等80件，部门规范性文件30件。",
        "全年收取政府信息公开信息处理费1200元。",
        "受理政府信息公开申请较上年增加12件，平均每月受理5件。",
        "2024年受理政府信息公开申请30件。",
        "力争全年办结政府信息公开申请100件。",
        "逾期未收到申请人缴纳的费用，对无正当理由大量反复申请不予处理。",
        "新增公开市政府政策性文件9件。",
        "我局未收到申请人的补正材料。",
        "通过政府网站收到政府信息公开申请30件。",
        "清理规范性文件50件。",
    ] {
        assert_eq!(read(text), [], "{text}");
    }
    // An outcome answered is the outcome; an answer by one channel is a part.
    assert_eq!(
        read("依申请公开方面，依法作出不予公开答复3件，网上答复20件。"),
        [("3件".into(), total(Measure::Outcome(Outcome::Withheld)))]
    );
    // Parts by channel are no claims; their total is.
    assert_eq!(
        read("依申请公开方面，共收到申请45件，其中当面申请10件、网上申请30件。"),
        [("45件".into(), total(Measure::Received))]
    );
}

#[test]
fn scopes_the_sentence_names() {
    let scope = |kind, text| {
        read_as(kind, text)
            .into_iter()
            .map(|(_, _, s)| s)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        scope(
            BodyKind::Government,
            "2025年，县政府办公室代表县政府受理政府信息公开申请12件。"
        ),
        [Some(Scope::Part("县政府办公室代表县政府".into()))]
    );
    // Another body's office in the same sentence is not a subject.
    assert_eq!(
        scope(
            BodyKind::Government,
            "按照市政府办公室相关要求，全年受理政府信息公开申请12件。"
        ),
        [None]
    );
    assert_eq!(
        scope(BodyKind::Department, "全市受理政府信息公开申请120件。"),
        [Some(Scope::Area("全市".into()))]
    );
    assert_eq!(
        scope(BodyKind::Government, "全市受理政府信息公开申请120件。"),
        [None]
    );
    assert_eq!(
        scope(
            BodyKind::Department,
            "上半年受理政府信息公开申请12件，截至12月31日办结30件。"
        ),
        [
            Some(Scope::Time("上半年".into())),
            Some(Scope::Time("上半年".into()))
        ]
    );
    assert_eq!(
        scope(BodyKind::Department, "受理政府信息公开申请36人次。"),
        [Some(Scope::Unit("人次".into()))]
    );
    assert_eq!(
        scope(BodyKind::Department, "全年办理行政复议案件300件。"),
        [Some(Scope::Category)]
    );
    assert_eq!(
        scope(BodyKind::Department, "在信用网站公示行政处罚决定120件。"),
        [Some(Scope::Action("公示".into()))]
    );
    assert_eq!(
        scope(
            BodyKind::Department,
            "集中公布现行有效行政规范性文件150件。"
        ),
        [Some(Scope::Action("集中公布".into()))]
    );
}

#[test]
fn every_denial_starts_with_one_of_the_characters_checked_first() {
    for denial in super::lexicon::DENIALS {
        let first = denial.chars().next().unwrap();
        assert!(super::denial::DENIAL_STARTS.contains(&first), "{denial}");
    }
}
