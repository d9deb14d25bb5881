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
        public ChildAllowanceKind Kind { get; set; } = ChildAllowanceKind.Orphan;
        public ParentSituation FatherSituation { get; set; } = ParentSituation.Dead;
        public DateOnly? FatherSince { get; set; }
        public int? FatherTermMonths { get; set; }
        public string? FatherEvidence { get; set; }
        public ParentSituation MotherSituation { get; set; } = ParentSituation.Dead;
        public DateOnly? MotherSince { get; set; }
        public int? MotherTermMonths { get; set; }
        public string? MotherEvidence { get; set; }
        public CarePlacement Placement { get; set; } = CarePlacement.Kinship;
        public string? InstitutionName { get; set; }
        public string? GuardianName { get; set; }
        public string? GuardianRelation { get; set; }
        public string? GuardianIdNumber { get; set; }
        public bool InFullTimeEducation { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        try
        {
            var child = await PersonLookup.RequireAsync(db, protector, Input.ChildIdNumber, "childIdNumber", "儿童", ct);
            Guid? guardian = string.IsNullOrWhiteSpace(Input.GuardianIdNumber) ? null : await PersonLookup.RequireAsync(db, protector, Input.GuardianIdNumber, "guardianIdNumber", "监护人", ct);
            var c = await allowances.ApplyAsync(new ChildApplyInput(child, Input.Kind,
                new ParentInput(Input.FatherSituation, Input.FatherSince, Input.FatherTermMonths, Input.FatherEvidence),
                new ParentInput(Input.MotherSituation, Input.MotherSince, Input.MotherTermMonths, Input.MotherEvidence),
                Input.Placement, Input.InstitutionName, Input.GuardianName, Input.GuardianRelation, guardian, Input.InFullTimeEducation), ct);
            TempData["Message"] = $"已登记申请 {c.Number}，待乡镇审核";
            return Redirect($"/children/cases/{c.Id}");
        }
        catch (AppProblem e) when (e.Errors.Count > 0)
        {
            // "father.termMonths" is shown beside the father's term field (Input.FatherTermMonths)
            foreach (var (field, messages) in e.Errors)
            {
                var name = field.Replace(".", "", StringComparison.Ordinal);
                foreach (var m in messages) ModelState.AddModelError(name.Length == 0 ? "" : "Input." + char.ToUpperInvariant(name[0]) + name[1..], m);
            }
            return Page();
        }
        catch (AppProblem e)
        {
            ModelState.AddProblem(e);
            return Page();
        }
    }
}
