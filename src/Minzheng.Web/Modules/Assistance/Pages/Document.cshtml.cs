using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Modules.Assistance.Cases;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Web.Modules.Assistance.Pages;

/// <summary>A stored notice or decision, printable. Staff see those of their scope; an applicant sees their own.</summary>
[Authorize]
public sealed class DocumentModel(AppDbContext db, ICurrentUser user, Citizen.CitizenAccounts citizens) : PageModel
{
    public AssistanceDocument Doc { get; private set; } = null!;
    public CaseDocuments.Content Facts { get; private set; } = null!;
    public string Back { get; private set; } = "/";
    public string NoticeAmount => Facts.Extra is JsonElement e && e.TryGetProperty("Summary", out var s) ? s.GetString() ?? "" : Facts.Amount ?? "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var doc = await db.Set<AssistanceDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        if (doc is null) return NotFound();
        if (user.HasPermission(AssistancePermissions.Read))
        {
            // the case is read through the scope filter: another township's document is not found
            if (!await db.Set<AssistanceCase>().AnyAsync(c => c.Id == doc.CaseId)) return NotFound();
            Back = $"/assistance/cases/{doc.CaseId}";
        }
        else
        {
            await citizens.MyCaseAsync(doc.CaseId, HttpContext.RequestAborted); // 404 unless the citizen's own
            Back = $"/citizen/cases/{doc.CaseId}";
        }
        Doc = doc;
        Facts = JsonSerializer.Deserialize<CaseDocuments.Content>(doc.Content, AssistanceCases.Json)!;
        return Page();
    }
}
