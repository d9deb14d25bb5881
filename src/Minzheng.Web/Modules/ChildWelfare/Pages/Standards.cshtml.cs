using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.ChildWelfare.Allowances;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Modules.ChildWelfare.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + ChildPermissions.Read)]
public sealed class StandardsModel(ChildStandards standards, AppDbContext db, ICurrentUser user, DivisionDirectory divisions) : PageModel
{
    public sealed class FormInput
    {
        public string? Kind { get; set; }
        public string? Category { get; set; }
        public decimal? Amount { get; set; }
        public int? Number { get; set; }
        public string? Choice { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? Document { get; set; }
    }

    [BindProperty] public FormInput Input { get; set; } = new();
    public List<ChildStandard> Rows { get; private set; } = [];
    public bool CanEdit => user.HasPermission(ChildPermissions.Standards);
    public string IssuerName => divisions.NameOf(Issuer);

    /// <summary>A county officer enters the county's figures, a city officer the city's.</summary>
    private string Issuer => user.DivisionCode is { Length: 12 } d ? DivisionCodes.CountyPart(d).PadRight(DivisionCodes.Length, '0') : "450900000000";

    public string NameOf(string code) => divisions.NameOf(code);

    public async Task OnGetAsync() =>
        Rows = await db.Set<ChildStandard>().AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Category).ThenBy(s => s.DivisionCode).ThenByDescending(s => s.ValidFrom).ToListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        try
        {
            await standards.AddAsync(new ChildStandard
            {
                Kind = Input.Kind ?? "",
                DivisionCode = Issuer,
                Category = Input.Category ?? "",
                Amount = Input.Amount is { } a ? Money.FromYuan(a) : null,
                Number = Input.Number,
                Choice = string.IsNullOrEmpty(Input.Choice) ? null : Input.Choice,
                ValidFrom = Input.ValidFrom ?? throw AppProblem.Field("validFrom", "请填写执行日期"),
                ValidTo = Input.ValidTo,
                Document = Input.Document ?? "",
                CreatedBy = user.UserName,
            }, HttpContext.RequestAborted);
            TempData["Message"] = "标准已录入";
            return Redirect("/children/standards");
        }
        catch (AppProblem e)
        {
            ModelState.AddProblem(e);
            await OnGetAsync();
            return Page();
        }
    }
}
