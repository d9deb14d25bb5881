using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Calendar.Pages;

[Authorize]
public sealed class IndexModel(AppDbContext db, WorkingCalendar calendar, ICurrentUser user, BusinessClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? Days { get; set; }

    public sealed class EditInput
    {
        [Required(ErrorMessage = "请选择日期")] public DateOnly? Date { get; set; }
        public bool IsOffDay { get; set; } = true;
        [Required(ErrorMessage = "请填写名称"), StringLength(50)] public string? Name { get; set; }
        [Required(ErrorMessage = "请填写依据文号"), StringLength(200)] public string? Source { get; set; }
    }

    [BindProperty] public EditInput Edit { get; set; } = new();

    public DateOnly? Result { get; private set; }
    public bool Covered { get; private set; }
    public List<CalendarDay> Entries { get; private set; } = [];
    public int FirstYear => calendar.Current.FirstYear;
    public int LastYear => calendar.Current.LastYear;
    public bool CanEdit => user.HasPermission(Permissions.CalendarWrite);

    public string WeekdayName(DateOnly d) => "日一二三四五六"[(int)d.DayOfWeek] is var c ? "周" + c : "";

    public async Task OnGetAsync()
    {
        if (Year == 0) Year = clock.Today.Year;
        if (From is { } from && Days is >= 0 and <= 3650)
        {
            Result = calendar.AddWorkingDays(from, Days.Value);
            Covered = calendar.Covers(from, Result.Value);
        }
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!CanEdit) return Forbid();
        if (Year == 0) Year = Edit.Date?.Year ?? clock.Today.Year;
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var date = Edit.Date!.Value;
        var day = await db.CalendarDays.FindAsync(date);
        if (day is null)
        {
            day = new CalendarDay { Date = date };
            db.CalendarDays.Add(day);
        }
        day.IsOffDay = Edit.IsOffDay;
        day.Name = Edit.Name!.Trim();
        day.Source = $"{CalendarReference.AdminSourcePrefix}（{user.UserName}）：{Edit.Source!.Trim()}";
        day.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync();
        calendar.Invalidate();
        return RedirectToPage(new { Year = date.Year });
    }

    private async Task LoadAsync()
    {
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        Entries = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date).ToListAsync();
    }
}
