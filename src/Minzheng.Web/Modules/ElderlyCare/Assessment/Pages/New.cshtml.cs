using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ElderlyCare.Assessment.Rules;
using Minzheng.Web.Modules.ElderlyCare.Homes;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Modules.ElderlyCare.Assessment.Pages;

/// <summary>
/// 老年人能力评估 form (/elderly/assessments/new?personId=…, reached from a resident's row or the assessment list): the 26 items of
/// GB/T 42195-2022 in the standard's order, each a choice within its range, two assessors, the reason, the diagnosis and the
/// risk events. The server (<see cref="AbilityAssessments.AssessAsync"/>) scores it; the saved assessment opens as its report.
/// </summary>
[Authorize(Policy = Permissions.PolicyPrefix + Homes.HomesPermissions.Assess)]
public sealed class NewModel(AbilityAssessments assessments, AppDbContext db, ICurrentUser user, BusinessClock clock, IdentifierProtector protector) : PageModel
{
    public sealed class FormInput
    {
        public Guid? PersonId { get; set; }
        public string? IdNumber { get; set; }
        public AssessmentReason? Reason { get; set; }
        public string? Assessor1 { get; set; }
        public string? Assessor2 { get; set; }
        public DateOnly? AssessedOn { get; set; }
        public bool DementiaDiagnosis { get; set; }
        public int? RiskEvents30Days { get; set; }
    }

    /// <summary>The reasons in the order a clerk meets them (rules-2 §1.11).</summary>
    public static readonly IReadOnlyList<(AssessmentReason Reason, string Name)> Reasons =
        [(AssessmentReason.First, "首次评估"), (AssessmentReason.Regular, "常规评估"), (AssessmentReason.Immediate, "即时评估（状况发生变化）"), (AssessmentReason.Review, "复评（对结果有异议）"), (AssessmentReason.Other, "其他")];

    /// <summary>The standard's generic five steps of a 0–4 item (附录 B).</summary>
    private static readonly string[] Steps = ["完全依赖、不能配合", "主要依靠他人、能配合", "需协助、以自身为主", "需指导或提示", "独立完成"];

    [BindProperty] public FormInput Input { get; set; } = new();

    /// <summary>The answers as chosen (also after a refused post): item code → score, null when not chosen.</summary>
    public Dictionary<string, int?> Answers { get; private set; } = [];

    public string? PersonName { get; private set; }
    public DateOnly Today => clock.Today;

    public async Task OnGetAsync([FromQuery] Guid? personId)
    {
        if (personId is { } id)
        {
            var person = await PersonAsync(id, HttpContext.RequestAborted) ?? throw AppProblem.NotFound("老人");
            Input.PersonId = person.Id;
            PersonName = person.Name;
            // a person assessed before comes for a regular reassessment, a new one for the first
            Input.Reason ??= await db.Set<AbilityAssessment>().AnyAsync(a => a.PersonId == id, HttpContext.RequestAborted) ? AssessmentReason.Regular : AssessmentReason.First;
        }
        Input.AssessedOn ??= Today;
        if (Answers.Count == 0) Answers = AbilityRules.Items.ToDictionary(i => i.Code, i => (int?)null);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        // each item is a select named item-<code>: codes with dots do not bind into a dictionary reliably
        Answers = AbilityRules.Items.ToDictionary(i => i.Code, i => int.TryParse(Request.Form["item-" + i.Code], out var v) ? v : (int?)null);
        if (Input.PersonId is null && !string.IsNullOrWhiteSpace(Input.IdNumber))
        {
            var parsed = IdNumber.TryParse(Input.IdNumber, out var error) ?? throw AppProblem.Field("idNumber", error ?? "身份证号无效");
            var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
            var found = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]).Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            // the person is used only if the user may assess them (in scope, or a current resident of the user's home)
            Input.PersonId = found is { } f && await PersonAsync(f, ct) is not null ? f
                : throw AppProblem.Field("idNumber", $"身份证号 {IdNumber.Mask(parsed.Value)} 的老人不在人员库中或不在您的管辖范围内");
        }
        var saved = await assessments.AssessAsync(new AssessInput
        {
            PersonId = Input.PersonId,
            Answers = Answers,
            DementiaDiagnosis = Input.DementiaDiagnosis,
            RiskEvents30Days = Input.RiskEvents30Days,
            Reason = Input.Reason,
            Assessor1 = Input.Assessor1,
            Assessor2 = Input.Assessor2,
            AssessedOn = Input.AssessedOn,
        }, ct);
        return Redirect($"/elderly/assessments/{saved.Id}");
    }

    /// <summary>
    /// The person being assessed, if this user may assess them: a person in the division scope, or for a home's account a current
    /// resident of its home (the person is outside its scope, the residence inside; the name is read past the scope for that).
    /// </summary>
    private async Task<(Guid Id, string Name)?> PersonAsync(Guid id, CancellationToken ct)
    {
        if (user.OrganizationId is not null && !await db.Set<Resident>().AnyAsync(r => r.PersonId == id && r.DischargedOn == null, ct)) return null;
        var persons = user.OrganizationId is null ? db.Persons : db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter]);
        var p = await persons.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        return p is null ? null : (p.Id, p.Name);
    }

    /// <summary>The label of one choice of an item: the score and, for the 0–4 items, the standard's step.</summary>
    public static string ChoiceName(AbilityItem item, int score) =>
        item.Code == AbilityRules.Consciousness && score == 0 ? "0 分：昏睡或昏迷"
        : item.Max == 4 ? $"{score} 分：{Steps[score]}"
        : $"{score} 分";

    /// <summary>The error shown beside an input, as the problem filter put it (Input.Answers.B1.1, Input.Assessor2 …).</summary>
    public string? ErrorOf(string field) =>
        ModelState.TryGetValue("Input." + field, out var entry) && entry.Errors.Count > 0 ? string.Join("；", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public static string IndicatorName(AbilityIndicator i) => Homes.Pages.AssessmentModel.IndicatorName(i);
}
