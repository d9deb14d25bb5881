using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Ui;

namespace Minzheng.Web.Platform.Registry.Pages;

[Authorize(Policy = Permissions.PolicyPrefix + Permissions.RegistryWrite)]
public sealed class HouseholdNewModel(HouseholdRegistration registration, AppDbContext db, IdentifierProtector protector, DivisionDirectory divisions, ICurrentUser user) : PageModel
{
    [BindProperty] public string? DivisionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? HeadIdNumber { get; set; }
    [BindProperty] public string? MembersText { get; set; }

    public DivisionDirectory Divisions => divisions;
    public IEnumerable<Division> Towns => divisions.All.Where(d => d.Level == DivisionLevel.Town && divisions.ChildrenOf(d.Code).Any(v => InScope(v.Code))).OrderBy(d => d.SortOrder);
    public bool InScope(string code) => user.Scope.Contains(code);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var errors = new ValidationErrors();
        var head = await FindAsync(HeadIdNumber, "headIdNumber", errors);
        var members = new List<MemberInput>();
        var line = 0;
        foreach (var raw in (MembersText ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            line++;
            var parts = raw.Split([' ', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !RegistryLabels.TryParse<Relation>(parts[1], out var relation) || relation == Relation.Head)
            {
                errors.Add("membersText", $"第 {line} 行应为“身份证号 关系”，关系不能是户主");
                continue;
            }
            if (await FindAsync(parts[0], "membersText", errors, line) is { } id) members.Add(new MemberInput(id, relation));
        }
        errors.ThrowIfAny();
        var household = await registration.CreateAsync(new HouseholdInput { DivisionCode = DivisionCode, Address = Address, HeadPersonId = head, Members = members });
        return Redirect($"/registry/households/{household.Id}");
    }

    private async Task<Guid?> FindAsync(string? idNumber, string field, ValidationErrors errors, int? line = null)
    {
        var where = line is null ? "" : $"第 {line} 行：";
        if (IdNumber.TryParse(idNumber, out var error) is not { } parsed)
        {
            errors.Add(field, where + (error ?? "身份证号无效"));
            return null;
        }
        var hash = protector.Hash(parsed.Value, ProtectedKind.IdNumber);
        var id = await db.Persons.Where(p => p.IdNumberHash == hash).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (id is null) errors.Add(field, $"{where}身份证号 {IdNumber.Mask(parsed.Value)} 的人员未登记或不在您的管辖范围内");
        return id;
    }
}
