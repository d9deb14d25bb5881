using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Files;
using Minzheng.Web.Platform.Registry;
using Minzheng.Web.Platform.Time;

namespace Minzheng.Web.Platform.Imports;

/// <summary>
/// Imports people and households from a legacy export: every row validated with the registry's own rules
/// (<see cref="PersonRegistration.Validate"/>), households checked as wholes, all errors reported by line,
/// and a commit that writes everything in one transaction or nothing. With "only valid rows", a household
/// with any bad row is skipped entirely, never imported in part. A row for a person already registered is refused, except
/// when it reports the person's death (状态 死亡 with a date): that is the registry's death event (<see cref="PersonDeaths"/>),
/// which stops every module's benefits in the import's transaction; nothing else about the person changes.
/// </summary>
public sealed class PersonImport(AppDbContext db, PersonRegistration registration, HouseholdRegistration households, IdentifierProtector protector,
    FileStore files, ImportProgress progress, BusinessClock clock, PersonDeaths deaths) : IImportKind
{
    public const string KindCode = "registry.people";

    public string Kind => KindCode;

    public string Title => "人员家庭";

    public string Permission => Access.Permissions.RegistryImport;

    public IReadOnlyList<ImportField> Fields => PersonImportFields.All;

    public string SkipUnit => "户";

    public (string Href, string Text) ResultLink(ImportBatch batch) => ("/registry/households", "查看家庭登记");

    public void CheckMapping(IReadOnlyDictionary<string, string> mapping, Http.ValidationErrors errors)
    {
        if (!mapping.ContainsKey("householdKey") && !mapping.ContainsKey("headIdNumber")) errors.Add("householdKey", "“户编号”和“户主身份证号”至少对应一列，用于把成员归入家庭");
    }

    private sealed record Parsed(int Line, string? GroupKey, PersonInput Input, Relation? Relation, IdNumber.Parsed? Id, string? HeadId);

    /// <summary>A row reporting the death of a person already registered (in the importer's scope).</summary>
    private sealed record DeathReport(int Line, Guid PersonId, DateOnly DeathDate);

    private sealed record Outcome(ImportErrors Errors, int TotalRows, int ErrorRows, List<List<Parsed>> ValidGroups, List<DeathReport> Deaths);

    public async Task ValidateAsync(ImportBatch batch, CancellationToken ct)
    {
        var outcome = await AnalyseAsync(batch, ct);
        await ImportSteps.RecordValidationAsync(db, batch, outcome.Errors, outcome.TotalRows, outcome.ErrorRows,
            outcome.ErrorRows == 0
                ? $"全部 {outcome.TotalRows} 行校验通过，共 {outcome.ValidGroups.Count} 户{DeathsText(outcome)}，可以导入。"
                : $"{outcome.TotalRows} 行中有 {outcome.ErrorRows} 行有错误；无误的 {outcome.ValidGroups.Count} 户{DeathsText(outcome)}可选择单独导入。", ct);
    }

    private static string DeathsText(Outcome outcome) => outcome.Deaths.Count == 0 ? "" : $"、已登记人员死亡 {outcome.Deaths.Count} 人";

    public async Task CommitAsync(ImportBatch batch, CancellationToken ct)
    {
        // Validate again: the registry may have changed since the clerk read the report.
        var outcome = await AnalyseAsync(batch, ct);
        if (await ImportSteps.RefuseIfErrorsAsync(db, batch, outcome.ErrorRows, "户", ct)) return;
        var people = 0;
        var householdCount = 0;
        var total = outcome.ValidGroups.Sum(g => g.Count);
        progress.Start(batch.Id, "正在导入", total);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // Household numbers are reserved in one block per division (one counter statement, not one per household).
            var perDivision = outcome.ValidGroups.GroupBy(g => g.Single(r => r.Relation == Relation.Head).Input.DivisionCode!).ToDictionary(g => g.Key, g => g.Count());
            var numbers = new Dictionary<string, long>();
            foreach (var group in outcome.ValidGroups)
            {
                var ids = new Dictionary<int, Guid>();
                foreach (var row in group)
                {
                    var person = registration.NewPerson(row.Input, row.Id!.Value);
                    db.Persons.Add(person);
                    ids[row.Line] = person.Id;
                    people++;
                }
                var head = group.Single(r => r.Relation == Relation.Head);
                var division = head.Input.DivisionCode!;
                if (!numbers.TryGetValue(division, out var seq)) seq = await households.ReserveNumbersAsync(division, perDivision[division], ct);
                numbers[division] = seq + 1;
                var household = new Household
                {
                    Number = HouseholdRegistration.NumberSeries(division).Format(seq),
                    DivisionCode = division,
                    Address = head.Input.Address?.Trim() ?? "",
                    HeadPersonId = ids[head.Line],
                };
                db.Households.Add(household);
                var joined = clock.Today;
                foreach (var row in group)
                {
                    db.HouseholdMembers.Add(new HouseholdMember { HouseholdId = household.Id, PersonId = ids[row.Line], Relation = row.Relation!.Value, JoinedOn = joined });
                }
                householdCount++;
                if (people % 1000 < group.Count)
                {
                    await db.SaveChangesAsync(ct);
                    progress.Report(batch.Id, people);
                }
            }
            foreach (var death in outcome.Deaths)
            {
                var person = await db.Persons.FirstAsync(p => p.Id == death.PersonId, ct);
                await deaths.RecordAsync(person, death.DeathDate, $"人员导入（批次 {batch.Id} 第 {death.Line} 行）", ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        batch.Status = ImportStatus.Committed;
        batch.CommittedPeople = people;
        batch.CommittedHouseholds = householdCount;
        batch.CommittedRows = people + outcome.Deaths.Count;
        batch.ProcessedRows = outcome.TotalRows;
        batch.FinishedAt = clock.UtcNow;
        batch.Message = $"已导入 {householdCount} 户 {people} 人" + (outcome.Deaths.Count > 0 ? $"，登记已登记人员死亡 {outcome.Deaths.Count} 人" : "") + (outcome.ErrorRows > 0 ? $"；有错误的 {outcome.ErrorRows} 行所在的户未导入。" : "。");
        await db.SaveChangesAsync(ct);
        // The uploaded file holds identifiers in clear: once imported (and encrypted in the registry) it is deleted.
        files.Delete(await db.Files.SingleAsync(f => f.Id == batch.FileId, ct));
    }

    private async Task<Outcome> AnalyseAsync(ImportBatch batch, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().SingleAsync(f => f.Id == batch.FileId, ct);
        var path = files.PathOf(file);
        var mapping = ImportService.MappingOf(batch);
        var errors = new ImportErrors(batch.Id);
        var rows = new List<Parsed>();

        void Error(int line, string field, string? value, string message)
        {
            var column = mapping.GetValueOrDefault(field) ?? PersonImportFields.All.FirstOrDefault(f => f.Key == field)?.Label ?? field;
            // The error table outlives the import: identifiers in it are masked like everywhere else.
            if (value is not null && field is "idNumber" or "headIdNumber" or "phone" or "disabilityCertificate") value = IdNumber.Mask(value);
            errors.Add(line, column, value, message);
        }

        // streamed: only the parsed rows are kept (households are checked as wholes once every row is read)
        progress.Start(batch.Id, "正在校验", 0);
        var seen = new Dictionary<string, int>();
        foreach (var r in TabularFile.Rows(path, file.FileName))
        {
            ct.ThrowIfCancellationRequested();
            string? Cell(string field) => mapping.TryGetValue(field, out var header) && r.Cells.TryGetValue(header, out var v) && v.Length > 0 ? v : null;

            var relationText = Cell("relation");
            Relation? relation = RegistryLabels.TryParse<Relation>(relationText, out var rel) ? rel : null;
            if (relation is null) Error(r.Line, "relation", relationText, relationText is null ? "缺少与户主关系" : $"无法识别的与户主关系“{relationText}”");

            var input = new PersonInput
            {
                IdNumber = Cell("idNumber"),
                Name = Cell("name"),
                DivisionCode = Cell("divisionCode"),
                Ethnicity = Cell("ethnicity"),
                HukouType = Enum<HukouType>(Cell("hukouType"), "hukouType", "户口性质"),
                Address = Cell("address"),
                Phone = Cell("phone"),
                DisabilityCategory = Enum<DisabilityCategory>(Cell("disabilityCategory"), "disabilityCategory", "残疾类别"),
                DisabilityGrade = Cell("disabilityGrade") is { } g ? RegistryLabels.ParseGrade(g) ?? -1 : null,
                DisabilityCertificate = Cell("disabilityCertificate"),
                LifeStatus = Enum<LifeStatus>(Cell("lifeStatus"), "lifeStatus", "人员状态"),
                DeathDate = Date(Cell("deathDate"), "deathDate"),
            };
            var (validation, id) = registration.Validate(input, isNew: true);
            foreach (var (field, messages) in validation.ToDictionary())
            {
                foreach (var m in messages) Error(r.Line, field, field switch { "idNumber" => Cell("idNumber"), "name" => input.Name, "divisionCode" => input.DivisionCode, _ => Cell(field) }, m);
            }
            if (id is { } parsed)
            {
                if (seen.TryGetValue(parsed.Value, out var first)) Error(r.Line, "idNumber", Cell("idNumber"), $"与第 {first} 行的身份证号重复");
                else seen[parsed.Value] = r.Line;
            }
            var headId = Cell("headIdNumber") is { } h ? IdNumber.TryParse(h, out _)?.Value ?? h : null;
            var key = Cell("householdKey") ?? headId;
            if (key is null) Error(r.Line, "householdKey", null, "缺少户编号或户主身份证号，无法确定所属家庭");
            rows.Add(new Parsed(r.Line, key, input, relation, id, headId));
            if (rows.Count % 500 == 0) progress.Report(batch.Id, rows.Count);

            T? Enum<T>(string? text, string field, string label) where T : struct, System.Enum
            {
                if (text is null) return null;
                if (RegistryLabels.TryParse<T>(text, out var v)) return v;
                Error(r.Line, field, text, $"无法识别的{label}“{text}”");
                return null;
            }

            DateOnly? Date(string? text, string field)
            {
                if (text is null) return null;
                if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyyMMdd", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
                Error(r.Line, field, text, $"日期“{text}”格式应为 YYYY-MM-DD");
                return null;
            }
        }

        // Already registered: looked up by keyed hash over the whole registry, in chunks. A row that reports the death of a
        // registered person in the importer's scope is a death report; any other is refused.
        var deathReports = new List<DeathReport>();
        var reportLines = new HashSet<int>();
        var byHash = rows.Where(r => r.Id is not null).GroupBy(r => Convert.ToBase64String(protector.Hash(r.Id!.Value.Value, ProtectedKind.IdNumber)))
            .ToDictionary(g => g.Key, g => g.ToList());
        foreach (var chunk in byHash.Keys.Select(Convert.FromBase64String).Chunk(500))
        {
            var existing = await db.Persons.IgnoreQueryFilters([AppDbContext.ScopeFilter])
                .Where(p => chunk.Contains(p.IdNumberHash!)).Select(p => new { p.Id, Hash = p.IdNumberHash!, p.LifeStatus }).ToListAsync(ct);
            var ids = existing.Select(e => e.Id).ToList();
            var inScope = (await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            foreach (var person in existing)
            {
                foreach (var r in byHash[Convert.ToBase64String(person.Hash)])
                {
                    if (r.Input.LifeStatus == LifeStatus.Deceased && r.Input.DeathDate is { } date && inScope.Contains(person.Id))
                    {
                        // already deceased in the registry: the death was handled then, the row changes nothing
                        if (person.LifeStatus != LifeStatus.Deceased) deathReports.Add(new DeathReport(r.Line, person.Id, date));
                        reportLines.Add(r.Line);
                    }
                    else
                    {
                        Error(r.Line, "idNumber", r.Id!.Value.Value, "该身份证号已在平台登记" + (inScope.Contains(person.Id) ? "（如报告其死亡，请填写人员状态“死亡”和死亡日期）" : ""));
                    }
                }
            }
        }
        // a death report is not a registration: it takes no part in the households of the file
        rows = rows.Where(r => !reportLines.Contains(r.Line)).ToList();

        // Households as wholes: one head, one village, the head's ID matching where the file names it.
        var groups = rows.Where(r => r.GroupKey is not null).GroupBy(r => r.GroupKey!).ToList();
        var valid = new List<List<Parsed>>();
        foreach (var g in groups)
        {
            var members = g.ToList();
            var heads = members.Where(m => m.Relation == Relation.Head).ToList();
            if (heads.Count == 0) Error(members[0].Line, "relation", null, $"户“{g.Key}”没有户主");
            if (heads.Count > 1) foreach (var extra in heads.Skip(1)) Error(extra.Line, "relation", "户主", $"户“{g.Key}”有多名户主（另见第 {heads[0].Line} 行）");
            foreach (var m in members.Where(m => m.HeadId is not null && m.Relation == Relation.Head && m.Id?.Value != m.HeadId))
            {
                Error(m.Line, "headIdNumber", m.HeadId, "该行是户主，但“户主身份证号”与本人身份证号不一致");
            }
            var division = heads.FirstOrDefault()?.Input.DivisionCode;
            foreach (var m in members.Where(m => division is not null && m.Input.DivisionCode != division))
            {
                Error(m.Line, "divisionCode", m.Input.DivisionCode, $"同一户的成员应在同一村（社区）：户主为 {division}");
            }
            if (members.All(m => !errors.HasErrorOn(m.Line))) valid.Add(members);
        }
        progress.Report(batch.Id, rows.Count);
        return new Outcome(errors, rows.Count + reportLines.Count, errors.ErrorRows, valid, deathReports.Where(d => !errors.HasErrorOn(d.Line)).ToList());
    }
}
