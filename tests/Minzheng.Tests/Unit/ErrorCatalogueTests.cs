using System.Reflection;
using System.Text.RegularExpressions;
using Minzheng.Web.Modules;
using Minzheng.Web.Platform.Composition;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Tests.Unit;

/// <summary>
/// ADR 021: every error <c>code</c> the application can answer with is in the one <see cref="ErrorCatalogue"/> (kernel codes
/// plus each module's <c>Contracts/&lt;Module&gt;Errors.cs</c>), with the one status the catalogue gives it. The codes are
/// collected from the source: every code handed to <see cref="AppProblem"/> (constructor and factories), to
/// <see cref="ValidationErrors.Add"/>, to <c>Problems.Result</c>, written as a ProblemDetails <c>code</c> extension, and the
/// status-code fallbacks of the kernel. A code argument that is neither a literal nor a constant the test can read fails the
/// test too, so no code escapes the scan by travelling in a variable.
/// </summary>
public sealed class ErrorCatalogueTests
{
    [Fact]
    public void Every_code_the_application_returns_is_catalogued_with_its_status()
    {
        var catalogue = Catalogue();
        var found = new List<ErrorCodeScanner.Use>();
        var unresolved = new List<string>();
        foreach (var file in SourceFiles())
        {
            var (uses, bad) = ErrorCodeScanner.Scan(File.ReadAllText(file), Path.GetRelativePath(SourceRoot(), file));
            found.AddRange(uses);
            unresolved.AddRange(bad);
        }
        Assert.Empty(unresolved);
        // the scan sees the codes it must see (a scan that finds nothing would pass everything)
        Assert.True(found.Select(u => u.Code).Distinct().Count() > 80, $"only {found.Count} codes found");
        Assert.Contains(found, u => u.Code == "payroll_locked");
        Assert.Contains(found, u => u.Code == "rate_limited");
        Assert.Contains(found, u => u.Code == "duplicate");

        Assert.Empty(ErrorCodeScanner.Problems(found, catalogue));
    }

    [Fact]
    public void The_check_fails_on_an_uncatalogued_code_a_wrong_status_and_a_code_in_a_variable()
    {
        const string planted = """
            throw AppProblem.Conflict("planted_uncatalogued_code", "这是测试植入的代码");
            throw new AppProblem(403,
                "payroll_locked", $"状态与目录不符 {x}");
            errors.Add("field", "消息", "another_planted_code");
            throw AppProblem.Field("name", "消息", somewhere.Code);
            """;
        var (uses, unresolved) = ErrorCodeScanner.Scan(planted, "Planted.cs");
        var problems = ErrorCodeScanner.Problems(uses, Catalogue());
        Assert.Contains(problems, p => p.Contains("planted_uncatalogued_code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("another_planted_code", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("payroll_locked", StringComparison.Ordinal) && p.Contains("403", StringComparison.Ordinal));
        Assert.Single(unresolved, u => u.Contains("somewhere.Code", StringComparison.Ordinal));
    }

    [Fact]
    public void A_code_is_declared_once_and_every_code_has_a_meaning()
    {
        var catalogue = Catalogue();
        Assert.All(catalogue.All, e =>
        {
            Assert.Matches("^[a-z]+(_[a-z]+)*$", e.Code);
            Assert.InRange(e.Status, 400, 599);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Meaning);
        });
        var twice = new ModuleDeclaration("twice", typeof(ErrorCatalogueTests), "twice_") { Errors = [new("payroll_locked", 409, "重复")] };
        Assert.Throws<InvalidOperationException>(() => new ErrorCatalogue([.. Declarations(), twice]));
    }

    private static ErrorCatalogue Catalogue() => new(Declarations());

    private static List<ModuleDeclaration> Declarations()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.AddModules();
        return builder.Services.Where(d => d.ServiceType == typeof(ModuleDeclaration)).Select(d => (ModuleDeclaration)d.ImplementationInstance!).ToList();
    }

    internal static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var web = Path.Combine(dir.FullName, "src", "Minzheng.Web");
            if (Directory.Exists(web)) return web;
        }
        throw new InvalidOperationException("src/Minzheng.Web not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}

/// <summary>Finds the error codes in C# source: the calls that carry a code, their arguments split with brackets and strings respected.</summary>
internal static partial class ErrorCodeScanner
{
    public sealed record Use(string Code, int? Status, string Where);

    /// <summary>Call → (index of the code among positional arguments, index of the status or null, fixed status or null).</summary>
    private static readonly (string Call, int CodeAt, int? StatusAt, int? Status, string? DefaultCode)[] Calls =
    [
        ("new AppProblem(", 1, 0, null, null),
        ("AppProblem.Conflict(", 0, null, 409, null),
        ("AppProblem.Field(", 2, null, 400, "validation_failed"),
        ("AppProblem.Validation(", 1, null, 400, "validation_failed"),
        ("Problems.Result(", 1, 0, null, null),
        ("ApiAware(ctx.HttpContext", 3, 2, null, null),
    ];

    /// <summary>
    /// Arguments that forward a code the caller chose (the factories of <see cref="AppProblem"/> and the kernel's helpers); the
    /// codes reach them from call sites this scan reads. A new forwarder must be listed here, or the test fails.
    /// </summary>
    private static readonly HashSet<(string File, string Argument)> Forwarders =
    [
        ("Platform/Http/AppProblem.cs", "code"),
        ("Platform/Http/ProblemHandling.cs", "code"),
        ("Platform/Http/ErrorCodesDocumentTransformer.cs", "e.Code"),
    ];

    public static (List<Use> Uses, List<string> Unresolved) Scan(string source, string file)
    {
        file = file.Replace('\\', '/');
        lock (Sources) Sources[file] = source;
        var uses = new List<Use>();
        var unresolved = new List<string>();
        foreach (var (call, codeAt, statusAt, fixedStatus, defaultCode) in Calls)
        {
            for (var at = source.IndexOf(call, StringComparison.Ordinal); at >= 0; at = source.IndexOf(call, at + 1, StringComparison.Ordinal))
            {
                // ("ApiAware(ctx.HttpContext" names the call site, not the declaration; its first argument is then the empty text)
                var args = SplitArguments(source, at + call.Length);
                var where = $"{file}:{Line(source, at)}";
                var named = args.FirstOrDefault(a => a.StartsWith("code:", StringComparison.Ordinal));
                var positional = args.Where(a => !NamedArgument().IsMatch(a)).ToList();
                var codeText = named?["code:".Length..].Trim() ?? (codeAt < positional.Count ? positional[codeAt] : null);
                if (codeText is null)
                {
                    if (defaultCode is null) unresolved.Add($"{where}: {call} without a code");
                    else uses.Add(new(defaultCode, fixedStatus, where));
                    continue;
                }
                int? status = fixedStatus ?? (statusAt is { } s && s < positional.Count && int.TryParse(positional[s], out var n) ? n : null);
                Resolve(codeText, status, where, file, uses, unresolved);
            }
        }
        // the factories' own target-typed `new(404, "not_found", …)` in AppProblem.cs
        if (file.EndsWith("Platform/Http/AppProblem.cs", StringComparison.Ordinal))
        {
            foreach (Match m in TargetTypedNew().Matches(source)) uses.Add(new(m.Groups[2].Value, int.Parse(m.Groups[1].Value), $"{file}:{Line(source, m.Index)}"));
        }
        // ValidationErrors.Add(field, message, code)
        for (var at = source.IndexOf(".Add(", StringComparison.Ordinal); at >= 0; at = source.IndexOf(".Add(", at + 1, StringComparison.Ordinal))
        {
            var args = SplitArguments(source, at + ".Add(".Length);
            if (args.Count == 3 && CodeLiteral().Match(args[2].Replace("code:", "").Trim()) is { Success: true } m)
            {
                uses.Add(new(m.Groups[1].Value, 400, $"{file}:{Line(source, at)}"));
            }
        }
        // a ProblemDetails written by hand: ["code"] = "…"
        foreach (Match m in CodeExtension().Matches(source)) Resolve(m.Groups[1].Value, null, $"{file}:{Line(source, m.Index)}", file, uses, unresolved);
        // the kernel's status fallbacks: `401 => ("unauthenticated", …)` and `(409, "concurrency_conflict", …)`
        if (file.EndsWith("Platform/Http/ProblemHandling.cs", StringComparison.Ordinal) || file.EndsWith("Platform/PlatformSetup.cs", StringComparison.Ordinal))
        {
            foreach (Match m in StatusTuple().Matches(source))
            {
                Resolve($"\"{m.Groups[2].Value}\"", int.Parse(m.Groups[1].Value), $"{file}:{Line(source, m.Index)}", file, uses, unresolved);
            }
        }
        return (uses, unresolved);
    }

    /// <summary>What is wrong with the codes found: not catalogued, or thrown with another status than the catalogue's.</summary>
    public static List<string> Problems(IEnumerable<Use> uses, ErrorCatalogue catalogue)
    {
        var problems = new List<string>();
        foreach (var u in uses)
        {
            var entry = catalogue.Find(u.Code);
            if (entry is null) problems.Add($"{u.Where}: code “{u.Code}” is not in the error catalogue");
            else if (u.Status is { } s && s != entry.Status) problems.Add($"{u.Where}: code “{u.Code}” with status {s}, the catalogue says {entry.Status}");
        }
        return problems;
    }

    private static void Resolve(string text, int? status, string where, string file, List<Use> uses, List<string> unresolved)
    {
        text = text.Trim();
        // `x ?? "validation_failed"`: the fallback literal, the left side comes from the scanned Add calls
        var coalesce = text.LastIndexOf("??", StringComparison.Ordinal);
        if (coalesce >= 0) text = text[(coalesce + 2)..].Trim();
        if (CodeLiteral().Match(text) is { Success: true } literal)
        {
            uses.Add(new(literal.Groups[1].Value, status, where));
            return;
        }
        if (Forwarders.Any(f => file.EndsWith(f.File, StringComparison.Ordinal) && f.Argument == text)) return;
        if (ConstantValue(text) is { } constant || (constant = LocalConstant(text, file)) is not null)
        {
            uses.Add(new(constant, status, where));
            return;
        }
        unresolved.Add($"{where}: code argument “{text}” is neither a literal nor a readable constant");
    }

    /// <summary>`Type.Member` naming a string constant or static readonly field of the application (e.g. UniqueViolation.Code).</summary>
    private static string? ConstantValue(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot <= 0) return null;
        var typeName = text[..dot].Split('.')[^1];
        var member = text[(dot + 1)..];
        foreach (var type in typeof(AppProblem).Assembly.GetTypes().Where(t => t.Name == typeName))
        {
            if (type.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is string value) return value;
        }
        return null;
    }

    /// <summary>A bare name: a string constant declared in the same file (<c>const string Code = "duplicate"</c>).</summary>
    private static string? LocalConstant(string name, string file)
    {
        if (!Regex.IsMatch(name, "^[A-Za-z_][A-Za-z0-9_]*$") || !Sources.TryGetValue(file, out var source)) return null;
        var m = Regex.Match(source, $"const string {name} = \"([a-z_]+)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    private static readonly Dictionary<string, string> Sources = [];

    private static List<string> SplitArguments(string s, int start)
    {
        var args = new List<string>();
        var depth = 0;
        var current = new System.Text.StringBuilder();
        for (var i = start; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '"')
            {
                // a string literal, regular, interpolated or raw: copy it whole so its commas and brackets do not count
                var raw = i + 2 < s.Length && s[i + 1] == '"' && s[i + 2] == '"';
                var end = raw ? s.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal) + 3 : EndOfString(s, i);
                current.Append(s, i, end - i);
                i = end - 1;
                continue;
            }
            if (c is '(' or '[' or '{') depth++;
            if (c is ')' or ']' or '}')
            {
                if (depth == 0)
                {
                    if (current.ToString().Trim().Length > 0 || args.Count > 0) args.Add(current.ToString().Trim());
                    return args;
                }
                depth--;
            }
            if (c == ',' && depth == 0)
            {
                args.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        return args;
    }

    private static int EndOfString(string s, int open)
    {
        var verbatim = open > 0 && (s[open - 1] == '@' || (open > 1 && s[open - 2] == '@'));
        for (var i = open + 1; i < s.Length; i++)
        {
            if (!verbatim && s[i] == '\\') { i++; continue; }
            if (s[i] == '"')
            {
                if (verbatim && i + 1 < s.Length && s[i + 1] == '"') { i++; continue; }
                return i + 1;
            }
        }
        return s.Length;
    }

    private static int Line(string s, int index) => s.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"^[A-Za-z]+:\s")]
    private static partial Regex NamedArgument();

    [GeneratedRegex("^\"([a-z]+(?:_[a-z]+)*)\"$")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex("\\[\"code\"\\] = (\"[a-z_]+\"|[A-Za-z_.]+)")]
    private static partial Regex CodeExtension();

    [GeneratedRegex("(\\d{3})(?:, | => \\()\"([a-z]+(?:_[a-z]+)*)\"")]
    private static partial Regex StatusTuple();

    [GeneratedRegex("new\\((\\d{3}), \"([a-z_]+)\"")]
    private static partial Regex TargetTypedNew();
}
