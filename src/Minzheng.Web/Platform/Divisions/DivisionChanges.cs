using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Audit;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Divisions;

public sealed record DivisionChangeItemInput([Text(12)] string? FromCode, [Text(12)] string? ToCode, [Text(100)] string? ToName);

public sealed record DivisionChangeInput(
    string? Kind,
    DateOnly? EffectiveOn,
    [Text(100)] string? DocumentNumber,
    [Text(100)] string? ApprovedBy,
    [Text(1000)] string? Reason,
    IReadOnlyList<DivisionChangeItemInput>? Items);

/// <summary>
/// 行政区划变更 (ADR 065): registers an approved change of the tree and applies it on its effective date, in one transaction:
/// the tree (new divisions, retired ones kept with their successor, renamed ones with their old name as a version), the full
/// code mapping, and every record that lies in a moved division — every division-scoped table of the model, found from the
/// model rather than named, so a module cannot be forgotten — moved set-based, each moved row logged with its old code so a
/// report for an earlier date still counts it where it lay. Accounts follow a division that keeps its identity (renamed,
/// re-coded, a village moved to another town) but not one that ceased (the merged-away town's clerk keeps an empty scope
/// until an administrator reassigns the account). A change dated today or earlier is applied at once; a later one by the
/// daily job on its date.
/// </summary>
public sealed class DivisionChanges(AppDbContext db, DivisionDirectory tree, PlaceNamePinyin pinyin, ICurrentUser user, AuditLog audit, BusinessClock clock,
    IEnumerable<IDivisionChangeListener> listeners)
{
    public static readonly IReadOnlyDictionary<DivisionChangeKind, string> KindNames = new Dictionary<DivisionChangeKind, string>
    {
        [DivisionChangeKind.Rename] = "更名",
        [DivisionChangeKind.Recode] = "变更代码",
        [DivisionChangeKind.CountyToDistrict] = "撤县设区",
        [DivisionChangeKind.TownToStreet] = "撤镇设街道",
        [DivisionChangeKind.Merge] = "合并",
        [DivisionChangeKind.Split] = "拆分（析出下级区划）",
    };

    /// <summary>Validates the input and the plan it makes of today's tree; the plan is shown before registering.</summary>
    public DivisionChangePlanner.Plan Preview(DivisionChangeInput input, out DivisionChangeKind kind, out DateOnly effectiveOn)
    {
        var errors = new ValidationErrors();
        kind = default;
        effectiveOn = default;
        if (input.Kind is null || !Enum.TryParse(input.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind)) errors.Add("kind", "请选择变更类型");
        if (input.EffectiveOn is not { } on) errors.Add("effectiveOn", "请填写生效日期");
        else if (on < new DateOnly(1980, 1, 1) || on > clock.Today.AddYears(5)) errors.Add("effectiveOn", "生效日期不在合理范围内");
        else effectiveOn = on;
        if (string.IsNullOrWhiteSpace(input.DocumentNumber)) errors.Add("documentNumber", "请填写批准文号");
        if (string.IsNullOrWhiteSpace(input.ApprovedBy)) errors.Add("approvedBy", "请填写批准机关");
        var items = (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.FromCode)).ToList();
        if (items.Count == 0) errors.Add("items", "请至少填写一个要变更的区划");
        if (items.Count > 200) errors.Add("items", "一次变更最多200项");
        foreach (var (it, i) in items.Select((it, i) => (it, i)))
        {
            if (!user.Scope.Contains(it.FromCode!.Trim())) errors.Add($"items[{i}].fromCode", $"区划 {it.FromCode} 不在您的管辖范围内");
            if (it.ToCode is { Length: > 0 } to && !user.Scope.Contains(to.Trim())) errors.Add($"items[{i}].toCode", $"区划代码 {to} 不在您的管辖范围内");
        }
        errors.ThrowIfAny();
        var result = DivisionChangePlanner.Build(tree, kind, effectiveOn,
            items.Select(i => new DivisionChangePlanner.Item(i.FromCode!.Trim(), NullIfBlank(i.ToCode), NullIfBlank(i.ToName))).ToList(), pinyin);
        if (!result.Ok) throw AppProblem.Validation(result.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), "division_change_invalid");
        return result.Plan!;
    }

    public async Task<DivisionChange> RegisterAsync(DivisionChangeInput input, CancellationToken ct = default)
    {
        if (!user.HasPermission(Permissions.DivisionsWrite)) throw AppProblem.Forbidden("无权登记行政区划变更");
        Preview(input, out var kind, out var effectiveOn);
        var change = new DivisionChange
        {
            Kind = kind,
            Status = DivisionChangeStatus.Pending,
            EffectiveOn = effectiveOn,
            DocumentNumber = input.DocumentNumber!.Trim(),
            ApprovedBy = input.ApprovedBy!.Trim(),
            Reason = NullIfBlank(input.Reason),
        };
        foreach (var it in (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.FromCode)))
        {
            change.Items.Add(new DivisionChangeItem { ChangeId = change.Id, FromCode = it.FromCode!.Trim(), ToCode = NullIfBlank(it.ToCode), ToName = NullIfBlank(it.ToName) });
        }
        // a change already due is registered and applied together: if it cannot be applied, nothing is saved
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(change);
        await db.SaveChangesAsync(ct);
        if (effectiveOn <= clock.Today) await ApplyAsync(change.Id, ct);
        await tx.CommitAsync(ct);
        tree.Invalidate();
        return change;
    }

    /// <summary>Applies every pending change whose date has come, oldest first (the daily job).</summary>
    public async Task<int> ApplyDueAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var due = await db.Set<DivisionChange>().Where(c => c.Status == DivisionChangeStatus.Pending && c.EffectiveOn <= today)
            .OrderBy(c => c.EffectiveOn).ThenBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(ct);
        var applied = 0;
        foreach (var id in due)
        {
            try
            {
                await ApplyAsync(id, ct);
                applied++;
            }
            catch (AppProblem problem)
            {
                // nothing of this change was applied (its transaction rolled back); it stays pending with the reason shown
                db.ChangeTracker.Clear();
                var change = await db.Set<DivisionChange>().FirstAsync(c => c.Id == id, ct);
                change.Problem = problem.Detail.Length > 1000 ? problem.Detail[..1000] : problem.Detail;
                await db.SaveChangesAsync(ct);
            }
        }
        return applied;
    }

    /// <summary>Applies one pending change in one transaction; a change already applied is left as is.</summary>
    public async Task ApplyAsync(Guid changeId, CancellationToken ct = default)
    {
        tree.Invalidate();
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using var _ = own;
        var change = await db.Set<DivisionChange>().Include(c => c.Items).FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw AppProblem.NotFound("区划变更");
        if (change.Status == DivisionChangeStatus.Applied) return;
        var result = DivisionChangePlanner.Build(tree, change.Kind, change.EffectiveOn,
            change.Items.Select(i => new DivisionChangePlanner.Item(i.FromCode, i.ToCode, i.ToName)).ToList(), pinyin);
        if (!result.Ok)
        {
            // the tree changed since registration (another change took the code): nothing is applied, the clerk sees why
            throw AppProblem.Conflict("division_change_stale", "区划变更无法按登记内容执行：" + string.Join("；", result.Errors.SelectMany(e => e.Value)));
        }
        var plan = result.Plan!;
        var on = change.EffectiveOn;

        var codes = plan.Renamed.Select(r => r.Code).Concat(plan.Retired.Select(r => r.Code)).ToHashSet();
        var stored = await db.Divisions.Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
        var formerNames = stored.ToDictionary(d => d.Key, d => d.Value.Name);
        var successors = new Dictionary<string, string>();
        foreach (var (code, successor) in plan.Retired)
        {
            successors[code] = plan.Created.FirstOrDefault(d => d.Code == successor)?.Name ?? tree.Find(successor)?.Name ?? successor;
        }
        foreach (var r in plan.Renamed)
        {
            var d = stored[r.Code];
            db.Add(new DivisionVersion { Code = d.Code, Name = d.Name, ParentCode = d.ParentCode, Level = d.Level, ValidFrom = d.ValidFrom, ValidTo = on, ChangeId = change.Id });
            d.Name = r.NewName;
            d.SourceName = null;
            d.IsUrban = r.IsUrban;
            d.Pinyin = pinyin.Romanize(r.NewName);
        }
        foreach (var (code, successor) in plan.Retired)
        {
            stored[code].RetiredOn = on;
            stored[code].SucceededBy = successor;
        }
        foreach (var d in plan.Created) db.Divisions.Add(d);
        foreach (var (from, to) in plan.RecordMapping) db.Add(new DivisionChangeMapping { ChangeId = change.Id, FromCode = from, ToCode = to, KeepsIdentity = plan.IdentityMapping.ContainsKey(from) });
        change.Status = DivisionChangeStatus.Applied;
        change.AppliedAt = clock.UtcNow;
        change.Problem = null;
        foreach (var listener in listeners) await listener.ApplyingAsync(new DivisionChangeApplying(change, plan, formerNames, successors), ct);
        await db.SaveChangesAsync(ct);

        var moved = new List<string>();
        foreach (var column in DivisionColumns(db.Model))
        {
            var identityOnly = !column.Scoped;
            var mapping = identityOnly ? plan.IdentityMapping : plan.RecordMapping;
            if (mapping.Count == 0) continue;
            int n;
            try
            {
                n = await MoveAsync(change, column, identityOnly, ct);
            }
            catch (DbException)
            {
                // a record that is unique per division (one social-work station per township …) exists in both merged
                // divisions: the transaction rolls back, nothing moves, and the clerk is told which records to settle first
                throw AppProblem.Conflict("division_change_blocked",
                    $"区划变更未执行：合并后表 {column.Table} 的 {column.Column} 会出现重复（该类记录每个区划只能有一条，如每个乡镇一个社工站）。请先撤销或合并原区划中的这类记录，再执行变更；本次未做任何改动");
            }
            if (n > 0) moved.Add($"{column.Table}.{column.Column}: {n}");
        }
        change.MovedSummary = moved.Count == 0 ? "无业务记录需迁移" : string.Join("; ", moved);
        if (change.MovedSummary.Length > 4000) change.MovedSummary = change.MovedSummary[..3990] + " …";
        audit.Add("division.change.apply", "division_change", change.Id.ToString(), new
        {
            kind = change.Kind.ToString(),
            effectiveOn = on,
            change.DocumentNumber,
            mapped = plan.RecordMapping.Count,
            created = plan.Created.Count,
            retired = plan.Retired.Count,
            renamed = plan.Renamed.Count,
            moved,
        });
        await db.SaveChangesAsync(ct);
        if (own is not null) await own.CommitAsync(ct);
        tree.Invalidate();
    }

    public sealed record DivisionColumn(string Table, string Column, string KeySql, bool Scoped);

    /// <summary>
    /// Every column of the model holding a division code: <c>DivisionCode</c> (and <c>…DivisionCode</c>, <c>CountyCode</c>,
    /// <c>VillageCode</c>) on any table but the division tables themselves and the sealed audit log. Scoped tables follow the
    /// full record mapping and are logged row by row; the rest (accounts, figures) follow divisions that keep their identity.
    /// </summary>
    public static IReadOnlyList<DivisionColumn> DivisionColumns(IModel model)
    {
        var skip = new HashSet<Type> { typeof(Division), typeof(DivisionVersion), typeof(DivisionMove), typeof(DivisionChangeMapping), typeof(DivisionChangeItem), typeof(DivisionChange), typeof(AuditEntry) };
        var seen = new HashSet<string>();
        var list = new List<DivisionColumn>();
        foreach (var entity in model.GetEntityTypes())
        {
            if (skip.Contains(entity.ClrType) || entity.IsOwned() || entity.GetTableName() is not { } table || entity.GetViewName() is not null) continue;
            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var key = entity.FindPrimaryKey();
            if (key is null) continue;
            var keySql = string.Join(" || '|' || ", key.Properties.Select(p => $"CAST(t.\"{p.GetColumnName(id)}\" AS TEXT)"));
            foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(string)
                && (p.Name.EndsWith("DivisionCode", StringComparison.Ordinal) || p.Name is "CountyCode" or "TownCode" or "VillageCode")))
            {
                if (p.GetColumnName(id) is not { } column || !seen.Add(table + "." + column)) continue;
                var scoped = typeof(IDivisionScoped).IsAssignableFrom(entity.ClrType);
                list.Add(new DivisionColumn(table, column, keySql, scoped));
            }
        }
        return list;
    }

    private async Task<int> MoveAsync(DivisionChange change, DivisionColumn c, bool identityOnly, CancellationToken ct)
    {
        // the mapping rows of this change; for identity-only columns only codes that kept their identity: a merged-away
        // division maps to its target for its records, but its own accounts and figures stay with it
        var mapping = "SELECT m.from_code, m.to_code FROM division_change_mapping m WHERE m.change_id = {0}" + (identityOnly ? " AND m.keeps_identity = {2}" : "");
        object[] args = [change.Id, change.EffectiveOn, true];
        // table and column names come from the EF model (DivisionColumns), never from input; values go as parameters
#pragma warning disable EF1003
        if (c.Scoped)
        {
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO division_move (change_id, effective_on, table_name, entity_key, from_code, to_code) " +
                $"SELECT {{0}}, {{1}}, '{c.Table}', {c.KeySql}, t.\"{c.Column}\", x.to_code FROM \"{c.Table}\" t JOIN ({mapping}) x ON x.from_code = t.\"{c.Column}\"",
                args, ct);
        }
        return await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{c.Table}\" SET \"{c.Column}\" = (SELECT x.to_code FROM ({mapping}) x WHERE x.from_code = \"{c.Table}\".\"{c.Column}\") " +
            $"WHERE \"{c.Column}\" IN (SELECT x.from_code FROM ({mapping}) x)",
            args, ct);
#pragma warning restore EF1003
    }

    private static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The daily job that applies the division changes whose effective date has come.</summary>
public sealed class DivisionChangeJob(DivisionChanges changes) : IJobHandler
{
    public const string Kind = "divisions.apply-changes";
    public static readonly TimeSpan Every = TimeSpan.FromHours(6);
    public static readonly TimeSpan FirstAfter = TimeSpan.FromMinutes(1);

    public async Task RunAsync(JobRun job, CancellationToken ct)
    {
        var n = await changes.ApplyDueAsync(ct);
        job.Report(1, 1, n == 0 ? "没有到期的区划变更" : $"已执行 {n} 项到期的区划变更");
    }
}
