using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Data;

namespace Minzheng.Tests.Integration;

/// <summary>
/// ADR 021: JSON is camelCase everywhere, also the JSON the application stores and returns as is (amount explanations,
/// comparison reports). Representative answers of the demo data are walked to the last property name.
/// </summary>
public abstract class ApiConventionTests(AppFixture app)
{
    [Fact]
    public async Task Api_answers_have_no_PascalCase_property_names()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var answers = new Dictionary<string, JsonElement>();

        // a payroll line with its explanation (the demo's reconciled dibao payroll of 容县)
        var payrolls = await officer.GetJsonAsync("/api/v1/payments/payrolls");
        answers["payrolls"] = payrolls;
        var payrollId = payrolls.GetProperty("items")[0].GetProperty("id").GetString();
        var lines = await officer.GetJsonAsync($"/api/v1/payments/payrolls/{payrollId}/lines?pageSize=5");
        Assert.True(lines.GetProperty("items")[0].GetProperty("explanation").GetArrayLength() > 0);
        answers["payroll lines"] = lines;

        // a decided case with its amount explanation
        var cases = await officer.GetJsonAsync("/api/v1/assistance/cases?pageSize=30");
        answers["cases"] = cases;
        foreach (var c in cases.GetProperty("items").EnumerateArray())
        {
            answers["case " + c.GetProperty("id").GetString()] = await officer.GetJsonAsync($"/api/v1/assistance/cases/{c.GetProperty("id").GetString()}");
        }
        Assert.Contains(answers.Where(a => a.Key.StartsWith("case ", StringComparison.Ordinal)), a => a.Value.GetProperty("amountLines").GetArrayLength() > 0);

        // figures, and a comparison run's stored report
        answers["figures"] = await officer.GetJsonAsync("/api/v1/figures?pageSize=10");
        var runId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<ComparisonRun>().Select(r => r.Id).FirstAsync());
        var run = await officer.GetJsonAsync($"/api/v1/comparison/runs/{runId}");
        Assert.True(run.GetProperty("report").GetArrayLength() > 0);
        answers["comparison run"] = run;

        var pascal = answers.SelectMany(a => PascalCaseNames(a.Value, a.Key)).ToList();
        Assert.Empty(pascal);
        // and the check sees one where there is one
        Assert.Single(PascalCaseNames(JsonDocument.Parse("""{"items":[{"explanation":[{"Label":"x"}]}]}""").RootElement, "planted"));
    }

    private static IEnumerable<string> PascalCaseNames(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name.Length > 0 && char.IsAsciiLetterUpper(p.Name[0])) yield return $"{path}.{p.Name}";
                foreach (var inner in PascalCaseNames(p.Value, $"{path}.{p.Name}")) yield return inner;
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
            {
                foreach (var inner in PascalCaseNames(item, $"{path}[{i++}]")) yield return inner;
            }
        }
    }
}

/// <summary>The SQLite application with demo assistance cases, hence the demo payrolls and comparison run.</summary>
public sealed class SqliteAppWithCases : SqliteApp
{
    public override bool DemoCases => true;
}

public sealed class ApiConventionTestsOnSqlite(SqliteAppWithCases app) : ApiConventionTests(app), IClassFixture<SqliteAppWithCases>;
