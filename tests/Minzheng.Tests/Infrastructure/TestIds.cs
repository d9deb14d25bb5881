using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Infrastructure;

/// <summary>
/// Valid ID numbers that cannot collide with the demo population (whose address codes are 玉林's
/// counties): tests use 南宁's 450102 and a per-process counter.
/// </summary>
public static class TestIds
{
    private static int _next = Random.Shared.Next(0, 10_000) * 10;

    public static string Next(Sex sex = Sex.Female)
    {
        var n = Interlocked.Increment(ref _next);
        var birth = new DateOnly(1950, 1, 1).AddDays(n % 18_000); // up to 1999
        var seq = (n / 20_000 % 500) * 2 + (sex == Sex.Male ? 1 : 0);
        return IdNumber.Compose("450102", birth, seq);
    }
}
