using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Modules.ChildWelfare.Rules;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Apply)]
public sealed class CaseNewModel(ChildAllowances allowances, AppDbContext db, IdentifierProtector protector) : PageModel
{
    public sealed class FormInput
    {
        public string? ChildIdNumber { get; set; }

        /// <summary>The child chosen on the person or household page (办理儿童保障); the ID number is then not typed again.</summary>
        public Guid? ChildPersonId { get; set; }
        public ChildAllowanceKind Kind { get; set; } = ChildAllowanceKind.Orphan;
        /// <summary>Named as the API names them ("father.termMonths"), so a field error is shown beside its field.</summary>
        public ParentForm Father { get; set; } = new();
        public ParentForm Mother { get; set; } = new();
        public CarePlacement Placement { get; set; } = CarePlacement.Kinship;
        public string? InstitutionName { get; set; }
        public string? GuardianName { get; set; }
        public string? GuardianRelation { get; set; }
        public string? GuardianIdNumber { get; set; }
        public bool InFullTimeEducation { get; set; }
    }

    public sealed class ParentForm
    {
        public ParentSituation Situation { get; set; } = ParentSituation.Dead;
        public DateOnly? Since { get; set; }
        public int? TermMonths { get; set; }
        public string? Evidence { get; set; }

        public ParentInput ToInput() => new(Situation, Since, TermMonths, Evidence);
    }

    [BindProperty] public FormInput Input { get; set; } = new();

    /// <summary>The child the form is filled in for, when opened from the person or household page.</summary>
    public PersonChoice? Chosen { get; private set; }

    public async Task OnGetAsync(Guid? personId)
    {
        Chosen = await PersonLookup.FindAsync(db, personId, HttpContext.RequestAborted);
        Input.ChildPersonId = Chosen?.Id;
    }

    // an AppProblem is shown beside its field by the ProblemPageFilter (ADR 021)
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var child = await PersonLookup.RequireAsync(db, protector, Input.ChildPersonId, Input.ChildIdNumber, "childIdNumber", "儿童", ct);
        Guid? guardian = string.IsNullOrWhiteSpace(Input.GuardianIdNumber) ? null : await PersonLookup.RequireAsync(db, protector, Input.GuardianIdNumber, "guardianIdNumber", "监护人", ct);
        var c = await allowances.ApplyAsync(new ChildApplyInput(child, Input.Kind, Input.Father.ToInput(), Input.Mother.ToInput(),
            Input.Placement, Input.InstitutionName, Input.GuardianName, Input.GuardianRelation, guardian, Input.InFullTimeEducation), ct);
        TempData["Message"] = $"已登记申请 {c.Number}，待乡镇审核";
        return Redirect($"/children/cases/{c.Id}");
    }
}
