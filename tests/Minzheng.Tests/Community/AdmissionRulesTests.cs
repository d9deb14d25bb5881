using Minzheng.Web.Modules.Community.Admission;

namespace Minzheng.Tests.Community;

/// <summary>The certificate catalogue check (民发〔2020〕20号) and the 准入 rules (负面清单 match, 第三十七条 funding, scope).</summary>
public sealed class AdmissionRulesTests
{
    private static CertificateType Type(bool allowed, string from = "2020-04-01", string? to = null) => new()
    {
        Code = "x",
        Name = allowed ? "村民小组成员身份" : "亲属关系",
        Allowed = allowed,
        LegalBasis = allowed ? "村民委员会组织法" : AdmissionRules.Directive,
        ValidFrom = DateOnly.Parse(from),
        ValidTo = to is null ? null : DateOnly.Parse(to),
        Document = "d",
        Instead = allowed ? "" : "由需要的部门信息核查",
    };

    [Theory]
    [InlineData(true, "2020-04-01", null, "2026-11-30", CertificateVerdict.Allowed)]
    [InlineData(true, "2027-01-01", null, "2026-11-30", CertificateVerdict.NotInForce)]
    [InlineData(true, "2020-04-01", "2026-06-30", "2026-11-30", CertificateVerdict.NotInForce)]
    [InlineData(true, "2020-04-01", "2026-11-30", "2026-11-30", CertificateVerdict.Allowed)] // the last day is in force
    [InlineData(false, "2020-04-01", null, "2026-11-30", CertificateVerdict.Forbidden)]
    [InlineData(false, "2020-04-01", "2021-01-01", "2026-11-30", CertificateVerdict.Forbidden)] // an ended forbidden entry is no permission
    public void The_catalogue_decides(bool allowed, string from, string? to, string on, CertificateVerdict verdict) =>
        Assert.Equal(verdict, AdmissionRules.Check(Type(allowed, from, to), DateOnly.Parse(on)));

    [Fact]
    public void An_unknown_type_is_refused() => Assert.Equal(CertificateVerdict.Unknown, AdmissionRules.Check(null, new DateOnly(2026, 11, 30)));

    [Fact]
    public void The_refusal_names_the_directive_and_what_to_do_instead()
    {
        var detail = AdmissionRules.ForbiddenDetail(Type(false));
        Assert.Contains("民发〔2020〕20号", detail);
        Assert.Contains("不得出具“亲属关系”证明", detail);
        Assert.Contains("由需要的部门信息核查", detail);
    }

    [Theory]
    [InlineData("协助开展违法建筑拆迁", "征地拆迁")]
    [InlineData("负责沿街商铺罚款", "行政执法")]
    [InlineData("年度招商引资任务分解", "招商引资")]
    [InlineData("协助开展老年人健康随访", null)]
    public void A_task_is_matched_against_the_negative_list(string task, string? hit)
    {
        (string Title, string Keywords)[] list = [("行政执法", "执法、罚款、处罚"), ("征地拆迁", "拆迁、拆除、征收"), ("招商引资", "招商、引资")];
        var rows = list.Select(l => new AdmissionItem { Title = l.Title, Keywords = l.Keywords, LegalBasis = "b", ScopeCode = "450900000000" }).ToList();
        Assert.Equal(hit, AdmissionRules.ForbiddenMatch(task, rows, r => r.Title, r => r.Keywords)?.Title);
    }

    [Theory]
    [InlineData("容县卫生健康局", 1_200_000, true)]
    [InlineData("容县卫生健康局", 0, false)]
    [InlineData("", 1_200_000, false)]
    [InlineData(null, 100, false)]
    public void Approval_needs_the_paying_department_and_an_amount(string? source, long fen, bool funded) => Assert.Equal(funded, AdmissionRules.IsFunded(source, fen));

    [Theory]
    [InlineData("450900000000", "450921100003", true)]
    [InlineData("450921000000", "450921100003", true)]
    [InlineData("450921100000", "450921100202", true)]
    [InlineData("450921102000", "450921100003", false)]
    [InlineData("450981000000", "450921100003", false)]
    public void An_entry_applies_to_the_villages_under_its_area(string scope, string village, bool applies) => Assert.Equal(applies, AdmissionRules.Applies(scope, village));
}
