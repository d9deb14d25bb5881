using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Http;

namespace Minzheng.Web.Modules.DataComparison;

public sealed record RuleSettingInput([property: JsonRequired] bool Enabled, [Text(500)] string? Parameter, int? Version);

public sealed record RuleState(ComparisonRules.Rule Rule, bool Enabled, string? Parameter, int Version, string? UpdatedBy);

/// <summary>Switches a rule on or off for a county (and sets its parameter): the county's own officers, or the city's.</summary>
public sealed class RuleSettings(AppDbContext db, ICurrentUser user, DivisionDirectory divisions, AuditLog audit)
{
    public async Task<List<RuleState>> ForCountyAsync(string county, CancellationToken ct)
    {
        CheckCounty(county, write: false);
        var rows = await db.Set<ComparisonRuleSetting>().AsNoTracking().Where(s => s.CountyCode == county).ToListAsync(ct);
        return ComparisonRules.All.Select(r => rows.FirstOrDefault(s => s.RuleCode == r.Code) is { } s
            ? new RuleState(r, s.Enabled, s.Parameter, s.Version, s.UpdatedBy)
            : new RuleState(r, true, null, 0, null)).ToList();
    }

    public async Task<RuleState> SetAsync(string county, string ruleCode, RuleSettingInput input, CancellationToken ct)
    {
        CheckCounty(county, write: true);
        var rule = ComparisonRules.Find(ruleCode) ?? throw AppProblem.NotFound("比对规则");
        if (input.Parameter is { Length: > 500 }) throw AppProblem.Field("parameter", "参数不超过 500 字");
        if (input.Parameter is not null && rule.ParameterLabel is null) throw AppProblem.Field("parameter", "该规则没有参数");
        var row = await db.Set<ComparisonRuleSetting>().FirstOrDefaultAsync(s => s.CountyCode == county && s.RuleCode == ruleCode, ct);
        if (row is null)
        {
            if (input.Version is not (null or 0)) throw AppProblem.Stale();
            row = new ComparisonRuleSetting { CountyCode = county, RuleCode = ruleCode, UpdatedBy = user.UserName };
            db.Add(row);
        }
        else
        {
            if (input.Version is not { } v) throw AppProblem.Field("version", "缺少版本号，无法判断记录是否已被他人修改");
            db.ExpectVersion(row, v);
        }
        row.Enabled = input.Enabled;
        row.Parameter = string.IsNullOrWhiteSpace(input.Parameter) ? null : input.Parameter.Trim();
        row.UpdatedBy = user.UserName;
        audit.Add("set", "comparison_rule_setting", $"{county}/{ruleCode}", new { row.Enabled, row.Parameter }, county);
        await db.SaveChangesAsync(ct);
        return new RuleState(rule, row.Enabled, row.Parameter, row.Version, row.UpdatedBy);
    }

    private void CheckCounty(string county, bool write)
    {
        if (!DivisionCodes.IsWellFormed(county) || DivisionCodes.LevelOf(county) != DivisionLevel.County || divisions.Find(county) is null) throw AppProblem.NotFound("县（市、区）");
        if (!user.Scope.Contains(county)) throw AppProblem.NotFound("县（市、区）");
        if (write && !user.HasPermission(ComparisonPermissions.Run)) throw AppProblem.Forbidden("规则启停由县级或市级民政部门设置");
    }
}
