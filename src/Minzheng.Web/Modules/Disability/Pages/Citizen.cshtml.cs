using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Disability.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.Disability.Pages;

/// <summary>网上申请: a citizen applies for a disability subsidy for himself or herself, or for a disabled member of the household, and follows it.</summary>
[Authorize(Policy = Permissions.PolicyPrefix + Permissions.CitizenApply)]
public sealed class CitizenModel(SubsidyApplications applications, AppDbContext db) : PageModel
{
    public sealed class FormInput
    {
        public Guid? PersonId { get; set; }
        public Subsidy Subsidy { get; set; } = Subsidy.Care;
        public bool LowIncome { get; set; }
        public bool WorkInjuryCareAllowance { get; set; }
    }

    public sealed record Member(Guid Id, string Name, string Disability);

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<Member> Members { get; private set; } = [];
    public List<SubsidyApplication> Mine { get; private set; } = [];
    public Dictionary<Guid, string> Names { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var people = await applications.OwnHouseholdAsync(ct);
        var rows = await db.Persons.AsNoTracking().Where(p => people.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.DisabilityCategory, p.DisabilityGrade }).ToListAsync(ct);
        Names = rows.ToDictionary(p => p.Id, p => p.Name);
        Members = rows.Where(p => p.DisabilityGrade is not null)
            .Select(p => new Member(p.Id, p.Name, $"{(p.DisabilityCategory is { } c ? RegistryLabels.Of(c) : "残疾")} {p.DisabilityGrade} 级")).ToList();
        Mine = await applications.MineAsync(ct);
        Input.PersonId ??= Members.Count > 0 ? Members[0].Id : null;
    }

    // an AppProblem is shown beside its field by the ProblemPageFilter, which runs OnGetAsync again; that keeps what was typed (ADR 021)
    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.PersonId is not { } person) throw AppProblem.Field("personId", "请选择申请人（持证残疾人）");
        await applications.ApplyAsync(new SubsidyApplyInput(person, Input.Subsidy, SubsidyChannel.Online, Input.LowIncome, Input.WorkInjuryCareAllowance, null, null), HttpContext.RequestAborted);
        TempData["Message"] = "申请已提交，由村（社区）核实后报乡镇（街道）审核";
        return Redirect("/citizen/disability");
    }
}
