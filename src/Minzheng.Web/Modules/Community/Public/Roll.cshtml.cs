using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Minzheng.Web.Modules.Community.Elections;
using Minzheng.Web.Platform;

namespace Minzheng.Web.Modules.Community.Public;

/// <summary>
/// 选民名单查询 (/public/community/roll): anyone, on a phone, types an ID number and the name as registered and learns whether that
/// person is on a published roll and in which village (第十四条: the roll is public). Anonymous on purpose and rate-limited like
/// the other public pages; a wrong name and an unknown number answer alike (<see cref="RollLookup"/>), and every answer takes at
/// least the same time, so the page cannot be used to find out who is registered. The number is posted, never put in the URL
/// (it would stay in the history and the logs).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PlatformSetup.PublicRateLimit)]
public sealed class RollModel(RollLookup lookup) : PageModel
{
    public sealed class QueryForm
    {
        public string? IdNumber { get; set; }
        public string? Name { get; set; }
    }

    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(250);

    [BindProperty] public QueryForm Input { get; set; } = new();
    public RollAnswer? Answer { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            Answer = await lookup.FindAsync(new RollQuery { IdNumber = Input.IdNumber?.Trim().ToUpperInvariant(), Name = Input.Name }, HttpContext.RequestAborted);
        }
        finally
        {
            var left = Floor - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (left > TimeSpan.Zero) await Task.Delay(left, HttpContext.RequestAborted);
        }
    }
}
