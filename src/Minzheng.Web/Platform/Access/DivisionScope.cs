using Minzheng.Web.Platform.Divisions;

namespace Minzheng.Web.Platform.Access;

/// <summary>
/// The range of 12-digit division codes a user may see. Stored as an inclusive [Low, High] code range
/// rather than a LIKE prefix so that both SQLite and PostgreSQL answer it from the division_code index.
/// </summary>
public sealed record DivisionScope(string Low, string High, string? RootCode)
{
    /// <summary>Background jobs, migrations and the seeder: no division restriction.</summary>
    public static readonly DivisionScope Everything = new("000000000000", "999999999999", null);

    /// <summary>Anonymous callers and users without a division: an empty range.</summary>
    public static readonly DivisionScope Nothing = new("1", "0", null);

    public static DivisionScope Of(string divisionCode)
    {
        var prefix = DivisionCodes.ScopePrefix(divisionCode);
        return new DivisionScope(prefix.PadRight(DivisionCodes.Length, '0'), prefix.PadRight(DivisionCodes.Length, '9'), divisionCode);
    }

    public bool IsEverything => Low == Everything.Low && High == Everything.High;

    public bool Contains(string? code) =>
        code is not null && string.CompareOrdinal(code, Low) >= 0 && string.CompareOrdinal(code, High) <= 0;
}
