using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment;
using Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.ElderlyCare.Homes.Pages;

/// <summary>老年人能力评估报告, printable: each item's answer, the indicator totals, the level and why, the two assessors.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + HomesPermissions.Read)]
public sealed class AssessmentModel(AbilityAssessments assessments, AppDbContext db) : PageModel
{
    public AbilityAssessment Assessment { get; private set; } = null!;
    public string PersonName { get; private set; } = "";
    public Dictionary<string, int?> Answers { get; private set; } = [];
    public List<string> Reasons { get; private set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        Assessment = await assessments.LoadAsync(id, ct);
        // the assessment is in scope (the filter); the name is read past the division scope, which a home's account does not have
        PersonName = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.Id == Assessment.PersonId).Select(p => p.Name).FirstAsync(ct);
        Answers = JsonSerializer.Deserialize<Dictionary<string, int?>>(Assessment.Answers) ?? [];
        Reasons = JsonSerializer.Deserialize<List<string>>(Assessment.Reasons) ?? [];
    }

    public static string ReasonName(AssessmentReason r) => r switch
    {
        AssessmentReason.First => "首次评估",
        AssessmentReason.Regular => "常规评估",
        AssessmentReason.Immediate => "即时评估",
        AssessmentReason.Review => "复评",
        _ => "其他",
    };

    public static string IndicatorName(AbilityIndicator i) => i switch
    {
        AbilityIndicator.SelfCare => "自理能力",
        AbilityIndicator.Motor => "基础运动能力",
        AbilityIndicator.Mental => "精神状态",
        _ => "感知觉与社会参与",
    };
}
