using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.DataComparison;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Entitlements;
using Minzheng.Web.Platform.Money;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.DataComparison;

/// <summary>
/// Data comparison on SQLite and PostgreSQL: every rule raises its finding on crafted data (a beneficiary who died, is in
/// prison, owns a car or a second house, runs a business, is on a public payroll, lost the certificate, draws a work-injury care
/// allowance; a severely disabled person without the care subsidy, a disabled member of a dibao household without the living
/// subsidy, a poor household without dibao, an orphan without a case) and none on the clean twin of each; a rerun adds nothing;
/// findings go to the township of the person's hukou and nowhere else; switching a rule off for the county stops it.
/// </summary>
public abstract partial class ComparisonTests(AppFixture app)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static async Task<string> TokenAsync(HttpClient client, string url) => TokenPattern().Match(await client.GetStringAsync(url)).Groups[1].Value;

    private const string Village = "450921100003"; // 容县 容州镇 新南社区
    private const string Rongxian = "450921000000";
    private static int _seq = Random.Shared.Next(0, 300);
    private readonly Dictionary<Guid, string> _idNumbers = [];

    private string IdNumberOf(Guid person) => _idNumbers[person];

    private async Task<(Guid Id, string IdNumber)> PersonAsync(string name, DateOnly? birth = null, int? grade = null, string category = "physical", bool deceased = false)
    {
        var admin = await app.ClientAsync("admin");
        var id = IdNumber.Compose("450102", birth ?? new DateOnly(1968, 3, 3), Interlocked.Increment(ref _seq) % 999);
        var r = await admin.PostAsJsonAsync("/api/v1/persons", new
        {
            idNumber = id,
            name,
            divisionCode = Village,
            disabilityCategory = grade is null ? null : category,
            disabilityGrade = grade,
            disabilityCertificate = grade is null ? null : $"{id}{(int)Enum.Parse<DisabilityCategory>(category, true)}{grade}",
            lifeStatus = deceased ? "deceased" : null,
            deathDate = deceased ? new DateOnly(2024, 5, 1) : (DateOnly?)null,
        });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var person = (await r.JsonAsync()).GetProperty("id").GetGuid();
        _idNumbers[person] = id;
        return (person, id);
    }

    private async Task<Guid> HouseholdAsync(Guid head, params (Guid Person, string Relation)[] members)
    {
        var admin = await app.ClientAsync("admin");
        var h = await admin.PostAsJsonAsync("/api/v1/households", new { divisionCode = Village, headPersonId = head, address = "新南社区", members = members.Select(m => new { personId = m.Person, relation = m.Relation }).ToArray() });
        Assert.True(h.StatusCode == HttpStatusCode.Created, await h.Content.ReadAsStringAsync());
        return (await h.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>A running benefit from January; household programs without a beneficiary, personal ones with.</summary>
    private Task<Guid> PublishAsync(string program, Guid payee, Guid? household, Guid? beneficiary = null) => app.WithServicesAsync(async sp =>
    {
        var source = Guid.CreateVersion7();
        await sp.GetRequiredService<Entitlements>().SetAsync(new Entitlements.Payee(program, source, "CMP-" + Random.Shared.Next(100000, 999999), payee, household, Village, 1, beneficiary),
            new DateOnly(2026, 1, 1), Money.FromYuan(300m), "[]", "测试");
        await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return source;
    });

    private async Task<(Guid Person, Guid Household)> DibaoHouseholdAsync(string name)
    {
        var (p, _) = await PersonAsync(name);
        var h = await HouseholdAsync(p);
        await PublishAsync("dibao", p, h);
        return (p, h);
    }

    /// <summary>A dataset of the kind for 容县, newer than any before it (so the rules read it).</summary>
    private Task<Guid> DatasetAsync(DatasetKind kind, params (string IdNumber, Action<ComparisonRecord> Fill)[] rows) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<IdentifierProtector>();
        var previous = await db.Set<ComparisonDataset>().Where(d => d.Kind == kind && d.DivisionCode == Rongxian).ToListAsync();
        foreach (var p in previous) p.Status = DatasetStatus.Superseded;
        var d = new ComparisonDataset
        {
            Kind = kind,
            Source = "测试数据",
            AsOf = new DateOnly(2026, 11, 29),
            Version = previous.Count == 0 ? 1 : previous.Max(x => x.Version) + 1,
            DivisionCode = Rongxian,
            RowCount = rows.Length,
            FileName = "test",
            ImportedBy = "test",
            ImportedAt = DateTime.UtcNow,
        };
        db.Add(d);
        var line = 1;
        foreach (var (id, fill) in rows)
        {
            var r = new ComparisonRecord { DatasetId = d.Id, Line = ++line, IdNumberHash = protector.Hash(id, ProtectedKind.IdNumber), IdNumberMasked = IdNumber.Mask(id), Name = "测试" };
            fill(r);
            db.Add(r);
        }
        await db.SaveChangesAsync();
        return d.Id;
    });

    private static async Task<JsonElement> RunAsync(HttpClient officer)
    {
        var start = await officer.PostAsync("/api/v1/comparison/runs", null);
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, await start.Content.ReadAsStringAsync());
        var url = start.Headers.Location!.OriginalString;
        for (var i = 0; i < 600; i++)
        {
            var run = await officer.GetJsonAsync(url);
            if (run.GetProperty("done").GetBoolean())
            {
                Assert.True(run.GetProperty("status").GetString() == "Finished", run.ToString());
                return run;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("comparison run did not finish");
    }

    private static async Task<List<JsonElement>> FindingsAsync(HttpClient client, string query = "")
    {
        var list = await client.GetJsonAsync("/api/v1/comparison/findings?pageSize=200" + query);
        return list.GetProperty("items").EnumerateArray().ToList();
    }

    private static bool Has(IEnumerable<JsonElement> findings, string rule, Guid person) =>
        findings.Any(f => f.GetProperty("rule").GetString() == rule && f.GetProperty("personId").GetGuid() == person);

    /// <summary>
    /// ADR 079: a run builds the covered-people table when a rule that reads it runs, and only such rules read it — derived from
    /// the rule's direction, so a new rule cannot read a table the run did not build (or the reverse) unnoticed.
    /// </summary>
    [Fact]
    public async Task The_rules_that_stop_a_benefit_and_only_they_read_the_people_benefits_cover()
    {
        app.SkipIfUnavailable();
        await app.WithServicesAsync(sp =>
        {
            var engine = sp.GetRequiredService<ComparisonEngine>();
            var part = new ComparisonEngine.CountyPart(Rongxian, Guid.CreateVersion7(), 1, false, []);
            foreach (var rule in ComparisonRules.All)
            {
                var (sql, _) = engine.Build(rule, new ComparisonEngine.Pass(DivisionScope.Of(Rongxian), new DateOnly(2026, 12, 5), Guid.CreateVersion7(), DateTime.UtcNow, [part]));
                Assert.True(sql.Contains(ComparisonEngine.CoveredTable, StringComparison.Ordinal) == ComparisonEngine.ReadsCovered(rule), rule.Code);
            }
            Assert.Equal(8, ComparisonRules.All.Count(ComparisonEngine.ReadsCovered));
            return Task.FromResult(0);
        });
    }

    [Fact]
    public async Task Every_rule_finds_its_case_on_crafted_data_and_none_on_the_clean_twin()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        (await officer.PutAsJsonAsync($"/api/v1/comparison/rules/{Rongxian}/vehicle", new { enabled = true, parameter = "残疾人专用车，二轮摩托车", version = 0 })).EnsureSuccessStatusCode();

        // 应退
        var (dead, _) = await DibaoHouseholdAsync("比对死者");
        var (deadPaidUp, _) = await PersonAsync("比对死者已停"); // died, but nothing is due after the month of death
        var paidUpSource = await PublishAsync("dibao", deadPaidUp, await HouseholdAsync(deadPaidUp));
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<Entitlements>().EndAsync("dibao", paidUpSource, new DateOnly(2026, 9, 1));
            return await sp.GetRequiredService<AppDbContext>().SaveChangesAsync();
        });
        var (prisoner, prisonerId) = await PersonAsync("比对服刑");
        await PublishAsync("extreme-poverty", prisoner, null, prisoner);
        var (released, releasedId) = await PersonAsync("比对刑满");
        await PublishAsync("extreme-poverty", released, null, released);
        var (carOwner, _) = await DibaoHouseholdAsync("比对有车");
        var (exemptCar, _) = await DibaoHouseholdAsync("比对代步车");
        var (twoHouses, _) = await DibaoHouseholdAsync("比对两套房");
        var (oneHouse, _) = await DibaoHouseholdAsync("比对一套房");
        var (trader, _) = await DibaoHouseholdAsync("比对个体户");
        var (closedTrader, _) = await DibaoHouseholdAsync("比对已注销");
        var (clerk, _) = await DibaoHouseholdAsync("比对财政供养");
        var (cancelled, _) = await PersonAsync("比对证注销", grade: 1);
        await PublishAsync("disability-care", cancelled, null, cancelled);
        var (validCert, _) = await PersonAsync("比对证有效", grade: 1);
        await PublishAsync("disability-care", validCert, null, validCert);
        var (injured, _) = await PersonAsync("比对工伤护理", grade: 2);
        await PublishAsync("disability-care", injured, null, injured);
        var (pensioner, _) = await PersonAsync("比对养老金", grade: 2);
        await PublishAsync("disability-care", pensioner, null, pensioner);

        await DatasetAsync(DatasetKind.Deaths,
            (IdNumberOf(dead), r => r.EventDate = new DateOnly(2026, 9, 10)),
            (IdNumberOf(deadPaidUp), r => r.EventDate = new DateOnly(2026, 9, 10)));
        await DatasetAsync(DatasetKind.Detention,
            (prisonerId, r => { r.Category = "服刑"; r.EventDate = new DateOnly(2026, 8, 1); r.EndDate = new DateOnly(2028, 7, 31); }
        ),
            (releasedId, r => { r.Category = "服刑"; r.EventDate = new DateOnly(2024, 1, 1); r.EndDate = new DateOnly(2025, 12, 31); }
        ));
        await DatasetAsync(DatasetKind.Vehicles,
            (IdNumberOf(carOwner), r => { r.Reference = "桂K00001"; r.Category = "小型轿车"; r.Status = "正常"; }
        ),
            (IdNumberOf(exemptCar), r => { r.Reference = "桂K00002"; r.Category = "残疾人专用车"; r.Status = "正常"; }
        ),
            (IdNumberOf(oneHouse), r => { r.Reference = "桂K00003"; r.Category = "小型轿车"; r.Status = "报废"; }
        ));
        await DatasetAsync(DatasetKind.RealEstate,
            (IdNumberOf(twoHouses), r => r.Reference = "不动产权第1号"),
            (IdNumberOf(twoHouses), r => r.Reference = "不动产权第2号"),
            (IdNumberOf(oneHouse), r => r.Reference = "不动产权第3号"));
        await DatasetAsync(DatasetKind.Businesses,
            (IdNumberOf(trader), r => { r.Reference = "92450921MA00000001"; r.Status = "存续"; }
        ),
            (IdNumberOf(closedTrader), r => { r.Reference = "92450921MA00000002"; r.Status = "注销"; r.EndDate = new DateOnly(2025, 1, 1); }
        ));
        await DatasetAsync(DatasetKind.PublicPayroll, (IdNumberOf(clerk), r => { r.Reference = "容县某事业单位"; r.AmountFen = 450_000; }));
        await DatasetAsync(DatasetKind.DisabilityCertificates,
            (IdNumberOf(cancelled), r => { r.Reference = "C1"; r.Category = "肢体"; r.Grade = 1; r.Status = "注销"; }
        ),
            (IdNumberOf(validCert), r => { r.Reference = "C2"; r.Category = "肢体"; r.Grade = 1; r.Status = "有效"; r.EndDate = new DateOnly(2030, 1, 1); }
        ));
        await DatasetAsync(DatasetKind.Pensions,
            (IdNumberOf(injured), r => { r.Category = "工伤保险生活护理费"; r.AmountFen = 180_000; }
        ),
            (IdNumberOf(pensioner), r => { r.Category = "企业职工基本养老金"; r.AmountFen = 250_000; }
        ));

        // 应补
        var (severe, _) = await PersonAsync("比对重度未享", grade: 2, category: "visual");
        await HouseholdAsync(severe);
        var (mild, _) = await PersonAsync("比对三级肢体", grade: 3);
        await HouseholdAsync(mild);
        var (dibaoHead, _) = await PersonAsync("比对低保户主");
        var (disabledMember, _) = await PersonAsync("比对低保残疾", grade: 4, category: "hearing");
        var dibaoHousehold = await HouseholdAsync(dibaoHead, (disabledMember, "son"));
        await PublishAsync("dibao", dibaoHead, dibaoHousehold);
        var (poorHead, poorId) = await PersonAsync("比对扶贫低收入");
        await HouseholdAsync(poorHead);
        var (richHead, richId) = await PersonAsync("比对扶贫高收入");
        await HouseholdAsync(richHead);
        await DatasetAsync(DatasetKind.PovertyRegistry,
            (poorId, r => { r.AmountFen = 300_000; r.Status = "监测对象"; }
        ),
            (richId, r => { r.AmountFen = 2_000_000; r.Status = "已脱贫"; }
        ));
        var (father, _) = await PersonAsync("比对亡父", deceased: true);
        var (mother, _) = await PersonAsync("比对亡母", deceased: true);
        var (orphan, _) = await PersonAsync("比对孤儿", birth: new DateOnly(2015, 6, 1));
        await HouseholdAsync(father, (mother, "spouse"), (orphan, "son"));
        var (livingFather, _) = await PersonAsync("比对健在父亲");
        var (deadMother, _) = await PersonAsync("比对亡故母亲", deceased: true);
        var (child, _) = await PersonAsync("比对有父儿童", birth: new DateOnly(2016, 6, 1));
        await HouseholdAsync(livingFather, (deadMother, "spouse"), (child, "daughter"));

        var run = await RunAsync(officer);
        Assert.True(run.GetProperty("newFindings").GetInt32() >= 12, run.ToString());
        var all = await FindingsAsync(officer);

        Assert.True(Has(all, "deceased", dead));
        Assert.True(Has(all, "imprisoned", prisoner));
        Assert.True(Has(all, "vehicle", carOwner));
        Assert.True(Has(all, "second-house", twoHouses));
        Assert.True(Has(all, "business", trader));
        Assert.True(Has(all, "public-payroll", clerk));
        Assert.True(Has(all, "certificate", cancelled));
        Assert.True(Has(all, "work-injury-care", injured));
        Assert.True(Has(all, "care-missing", severe));
        Assert.True(Has(all, "living-missing", disabledMember));
        Assert.True(Has(all, "poverty-no-dibao", poorHead));
        Assert.True(Has(all, "orphan-no-case", orphan));
        foreach (var clean in new[] { deadPaidUp, released, exemptCar, oneHouse, closedTrader, validCert, pensioner, mild, richHead, child, dibaoHead })
        {
            Assert.DoesNotContain(all, f => f.GetProperty("personId").GetGuid() == clean);
        }
        // the evidence says what was found and where it came from
        var death = all.First(f => f.GetProperty("rule").GetString() == "deceased" && f.GetProperty("personId").GetGuid() == dead);
        Assert.Contains("2026-09-10", death.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.Contains("测试数据", death.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal(Village, death.GetProperty("divisionCode").GetString());

        // a rerun adds nothing for the same facts
        var again = await RunAsync(officer);
        var after = await FindingsAsync(officer);
        Assert.Equal(all.Count, after.Count);
        Assert.Equal(0, again.GetProperty("newFindings").GetInt32());

        // scope: 容州镇 sees its own; 杨梅镇 and 北流市 see none of them and get 404 on one
        var township = await FindingsAsync(await app.ClientAsync("rongzhou.clerk"));
        Assert.True(Has(township, "deceased", dead));
        var yangmei = await app.ClientAsync("yangmei.clerk");
        Assert.DoesNotContain(await FindingsAsync(yangmei), f => f.GetProperty("divisionCode").GetString() == Village);
        var id = death.GetProperty("id").GetInt64();
        await (await yangmei.GetAsync($"/api/v1/comparison/findings/{id}")).ExpectProblemAsync(404, "not_found");
        var beiliu = await app.ClientAsync("beiliu.officer");
        Assert.Empty(await FindingsAsync(beiliu, "&county=" + Rongxian));
        await (await beiliu.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/dismiss", new { reason = "x", version = 0 })).ExpectProblemAsync(404, "not_found");

        // switching a rule off for the county: a new case of it is not raised
        (await officer.PutAsJsonAsync($"/api/v1/comparison/rules/{Rongxian}/care-missing", new { enabled = false, version = 0 })).EnsureSuccessStatusCode();
        var (severe2, _) = await PersonAsync("比对重度停用规则", grade: 1);
        await HouseholdAsync(severe2);
        var off = await RunAsync(officer);
        Assert.Contains(off.GetProperty("report").EnumerateArray(), r => r.GetProperty("ruleCode").GetString() == "care-missing" && r.GetProperty("skipped").GetString()!.Contains("停用", StringComparison.Ordinal));
        Assert.DoesNotContain(await FindingsAsync(officer), f => f.GetProperty("personId").GetGuid() == severe2);
    }

    [Fact]
    public async Task A_township_dismisses_with_a_reason_and_a_stale_version_is_refused()
    {
        app.SkipIfUnavailable();
        var officer = await app.ClientAsync("rongxian.officer");
        var (owner, _) = await DibaoHouseholdAsync("比对排除车主");
        await DatasetAsync(DatasetKind.PublicPayroll, (IdNumberOf(owner), r => r.Reference = "某局"));
        await RunAsync(officer);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var finding = (await FindingsAsync(clerk, "&rule=public-payroll&status=Open")).First(f => f.GetProperty("personId").GetGuid() == owner);
        var id = finding.GetProperty("id").GetInt64();
        var version = finding.GetProperty("version").GetInt32();
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/dismiss", new { reason = " ", version })).ExpectProblemAsync(400, "validation_failed");
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/dismiss", new { reason = "同名同号误配，本人务农", version = version + 1 })).ExpectProblemAsync(409, "concurrency_conflict");
        var dismissed = await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/dismiss", new { reason = "同名同号误配，本人务农", version })).JsonAsync();
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "suspend", note = "x", version = version + 1 })).ExpectProblemAsync(409, "finding_closed");
        // the dashboard counts it as dismissed for 容县
        var dashboard = await officer.GetJsonAsync("/api/v1/comparison/dashboard");
        Assert.Contains(dashboard.EnumerateArray(), r => r.GetProperty("ruleCode").GetString() == "public-payroll" && r.GetProperty("dismissed").GetInt32() >= 1);
        // and the Excel export opens
        var xlsx = await officer.GetAsync("/api/v1/comparison/findings.xlsx?rule=public-payroll");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// The real chain: a care subsidy approved through village, township, 残联 and county; the 残联 dataset says the certificate
    /// was cancelled; the township clerk confirms the finding with 暂停发放 and the disability module suspends the subsidy in
    /// the same transaction (nothing due from next month); 杨梅镇 cannot touch the finding; an unsupported action is refused.
    /// </summary>
    [Fact]
    public async Task Confirming_a_finding_suspends_the_benefit_through_its_module()
    {
        app.SkipIfUnavailable();
        var (person, idNumber) = await PersonAsync("比对注销证", grade: 1);
        await HouseholdAsync(person);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var applied = await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" });
        Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        var a = await applied.JsonAsync();
        var steps = new[] { "rongzhou.clerk", "rongzhou.approver", "rongxian.dpf", "rongxian.officer" };
        for (var i = 0; i < steps.Length; i++)
        {
            var r = await (await app.ClientAsync(steps[i])).PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/step",
                new { agree = true, opinion = "属实", version = a.GetProperty("version").GetInt32(), certificateGeneration = i == 2 ? 3 : (int?)null, certificateValidUntil = new DateOnly(2030, 1, 1) });
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            a = await r.JsonAsync();
        }
        Assert.Equal("approved", a.GetProperty("status").GetString());
        await DatasetAsync(DatasetKind.DisabilityCertificates, (idNumber, r => { r.Reference = "X1"; r.Category = "肢体"; r.Grade = 1; r.Status = "注销"; r.EndDate = new DateOnly(2026, 10, 31); }));
        await RunAsync(await app.ClientAsync("rongxian.officer"));
        var finding = (await FindingsAsync(clerk, "&rule=certificate&status=Open")).Single(f => f.GetProperty("personId").GetGuid() == person);
        Assert.Equal(a.GetProperty("number").GetString(), finding.GetProperty("sourceNumber").GetString());
        var id = finding.GetProperty("id").GetInt64();
        var version = finding.GetProperty("version").GetInt32();

        var detail = await clerk.GetJsonAsync($"/api/v1/comparison/findings/{id}");
        var actions = detail.GetProperty("actions").EnumerateArray().Select(x => x.GetString()).ToList();
        Assert.Equal(["suspend", "terminate", "recover"], actions);
        await (await (await app.ClientAsync("yangmei.clerk")).PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "suspend", note = "x", version })).ExpectProblemAsync(404, "not_found");
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "startApplication", note = "x", version })).ExpectProblemAsync(400, "validation_failed");
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "suspend", note = "", version })).ExpectProblemAsync(400, "validation_failed");

        var confirmed = await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "suspend", note = "残联核实：证件已注销，待重新评定", version })).JsonAsync();
        Assert.Equal("confirmed", confirmed.GetProperty("status").GetString());
        Assert.Contains("暂停", confirmed.GetProperty("effect").GetString(), StringComparison.Ordinal);
        var subsidy = await (await app.ClientAsync("rongxian.officer")).GetJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}");
        Assert.Equal("suspended", subsidy.GetProperty("status").GetString());
        var periods = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<EntitlementPeriod>().AsNoTracking()
            .Where(e => e.SourceId == a.GetProperty("id").GetGuid()).ToListAsync());
        Assert.All(periods, p => Assert.True(p.ToMonth is { } to && to <= new DateOnly(2026, 11, 1), $"still due after November: {p.FromMonth}..{p.ToMonth}"));
        // a second confirmation (another clerk with the page still open) is refused, nothing is applied twice
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "terminate", note = "重复提交", version = confirmed.GetProperty("version").GetInt32() })).ExpectProblemAsync(409, "finding_closed");
        await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{id}/confirm", new { action = "terminate", note = "重复提交", version })).ExpectProblemAsync(409, "concurrency_conflict");
        Assert.Equal("suspended", (await (await app.ClientAsync("rongxian.officer")).GetJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}")).GetProperty("status").GetString());
    }

    /// <summary>
    /// A death verified against the police data is the registry's death event (ADR 015): confirming the finding with 登记死亡 (the
    /// only action a death finding offers, ADR 022) records the person as deceased on the dataset's date, and every module stops what it pays — not only the program of the
    /// finding — in the finding's transaction.
    /// </summary>
    [Fact]
    public async Task Confirming_a_death_finding_records_the_death_in_the_registry_and_every_module_stops()
    {
        app.SkipIfUnavailable();
        var (person, idNumber) = await PersonAsync("比对死亡核实", grade: 1);
        await HouseholdAsync(person);
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var a = await (await clerk.PostAsJsonAsync("/api/v1/disability/subsidies", new { personId = person, subsidy = "care", channel = "counter" }).EnsureStatus(HttpStatusCode.Created)).JsonAsync();
        var steps = new[] { "rongzhou.clerk", "rongzhou.approver", "rongxian.dpf", "rongxian.officer" };
        for (var i = 0; i < steps.Length; i++)
        {
            a = await (await (await app.ClientAsync(steps[i])).PostAsJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}/step",
                new { agree = true, opinion = "属实", version = a.GetProperty("version").GetInt32(), certificateGeneration = i == 2 ? 3 : (int?)null, certificateValidUntil = new DateOnly(2030, 1, 1) })
                .EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        }
        Assert.Equal("approved", a.GetProperty("status").GetString());
        await DatasetAsync(DatasetKind.Deaths, (idNumber, r => r.EventDate = new DateOnly(2026, 11, 10)));
        await RunAsync(await app.ClientAsync("rongxian.officer"));
        var finding = (await FindingsAsync(clerk, "&rule=deceased&status=Open")).Single(f => f.GetProperty("personId").GetGuid() == person);
        var confirmed = await (await clerk.PostAsJsonAsync($"/api/v1/comparison/findings/{finding.GetProperty("id").GetInt64()}/confirm",
            new { action = "recordDeath", note = "公安户籍注销信息核实属实", version = finding.GetProperty("version").GetInt32() }).EnsureStatus(HttpStatusCode.OK)).JsonAsync();
        Assert.StartsWith("人员登记为死亡（2026-11-10）", confirmed.GetProperty("effect").GetString(), StringComparison.Ordinal);
        var officer = await app.ClientAsync("rongxian.officer");
        var registered = await officer.GetJsonAsync($"/api/v1/persons/{person}");
        Assert.Equal(("deceased", "2026-11-10"), (registered.GetProperty("lifeStatus").GetString(), registered.GetProperty("deathDate").GetString()));
        var subsidy = await officer.GetJsonAsync($"/api/v1/disability/subsidies/{a.GetProperty("id").GetString()}");
        Assert.Equal(("terminated", "2026-11-01", "death"), (subsidy.GetProperty("status").GetString(), subsidy.GetProperty("lastMonth").GetString(), subsidy.GetProperty("endReason").GetString()));
        var recorded = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(e => e.Action == "record-death" && e.EntityId == person.ToString()));
        Assert.Equal(1, recorded);
    }

    /// <summary>Uploads a vehicle file through the datasets page, maps its columns and waits for validation; returns the batch page URL.</summary>
    private async Task<(HttpClient Client, string Url, JsonElement Status)> UploadVehiclesAsync(string csv, string source)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("rongxian.officer"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(client, "/comparison/datasets")), "__RequestVerificationToken" },
            { new StringContent("vehicles"), "Input.Kind" },
            { new StringContent(source), "Input.Source" },
            { new StringContent("2026-11-28"), "Input.AsOf" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "upload", "vehicles.csv" },
        };
        var upload = await client.PostAsync("/comparison/datasets", form);
        Assert.True(upload.StatusCode == HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        var url = upload.Headers.Location!.OriginalString;
        // the mapping step proposes the columns by their headings; the officer confirms them
        var page = await client.GetStringAsync(url);
        Assert.Contains("号牌号码", page, StringComparison.Ordinal);
        await PostAsync(client, url, "Map", new Dictionary<string, string>
        {
            ["mapping[idNumber]"] = "所有人身份证号",
            ["mapping[name]"] = "所有人",
            ["mapping[reference]"] = "号牌号码",
            ["mapping[category]"] = "车辆类型",
            ["mapping[status]"] = "机动车状态",
        }, expectRedirect: true);
        return (client, url, await WaitAsync(client, url));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string handler, Dictionary<string, string> fields, bool expectRedirect)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, url);
        var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(fields));
        if (expectRedirect) Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string url)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetJsonAsync(url + "/status");
            if (status.GetProperty("done").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("import did not finish");
    }

    private async Task<List<JsonElement>> VehicleDatasetsAsync() =>
        (await (await app.ClientAsync("rongxian.officer")).GetItemsAsync("/api/v1/comparison/datasets"))
            .Where(d => d.GetProperty("kind").GetString() == "vehicles").ToList();

    [Fact]
    public async Task A_dataset_with_bad_rows_reports_each_by_line_and_imports_nothing_until_corrected_or_confirmed()
    {
        app.SkipIfUnavailable();
        string a = TestIds.Next(Sex.Male), b = TestIds.Next(), c = TestIds.Next(Sex.Male);
        var before = (await VehicleDatasetsAsync()).Count;
        var bad = $"""
            所有人身份证号,所有人,号牌号码,车辆类型,机动车状态
            {a},韦一,桂K10001,小型轿车,正常
            110105194912310021,韦二,桂K10002,小型轿车,正常
            {b},韦三,,小型轿车,正常
            {c},韦四,桂K10004,小型轿车,被盗抢
            {a},韦一,桂K10001,小型轿车,正常
            """;
        var (client, url, status) = await UploadVehiclesAsync(bad, "容县公安局交警大队");
        Assert.Equal("Validated", status.GetProperty("status").GetString());
        var page = await client.GetStringAsync(url);
        foreach (var (line, text) in new[] { (3, "校验码"), (4, "缺少号牌号码"), (5, "被盗抢"), (6, "与第 2 行重复") })
        {
            Assert.Matches(new Regex($@"<td class=""num"">{line}</td>(.|\n)*?{Regex.Escape(text)}"), page);
        }
        // the commit is refused while errors remain; nothing was written
        var refused = await PostAsync(client, url, "Commit", [], expectRedirect: false);
        Assert.Contains("行错误", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, (await VehicleDatasetsAsync()).Count);

        // corrected file: every row imported as the next version, the ID numbers kept only as hashes
        var good = $"""
            所有人身份证号,所有人,号牌号码,车辆类型,机动车状态
            {a},韦一,桂K10001,小型轿车,正常
            {b},韦三,桂K10003,小型轿车,正常
            {c},韦四,桂K10004,小型轿车,注销
            """;
        var (client2, url2, status2) = await UploadVehiclesAsync(good, "容县公安局交警大队");
        Assert.Equal("Validated", status2.GetProperty("status").GetString());
        await PostAsync(client2, url2, "Commit", [], expectRedirect: true);
        Assert.Equal("Committed", (await WaitAsync(client2, url2)).GetProperty("status").GetString());
        var datasets = await VehicleDatasetsAsync();
        Assert.Equal(before + 1, datasets.Count);
        var current = datasets.Single(d => d.GetProperty("status").GetString() == "current");
        Assert.Equal(3, current.GetProperty("rowCount").GetInt32());
        Assert.Equal("容县公安局交警大队", current.GetProperty("source").GetString());
        var plain = await app.WithServicesAsync(async sp =>
            await sp.GetRequiredService<AppDbContext>().Set<ComparisonRecord>().Where(r => r.DatasetId == current.GetProperty("id").GetGuid()).Select(r => r.IdNumberMasked).ToListAsync());
        Assert.All(plain, m => Assert.Contains("*", m, StringComparison.Ordinal));

        // the bad batch can still be committed with its good rows only, when the officer says so explicitly
        await PostAsync(client, url, "Commit", new Dictionary<string, string> { ["onlyValid"] = "true" }, expectRedirect: true);
        Assert.Equal("Committed", (await WaitAsync(client, url)).GetProperty("status").GetString());
        var latest = (await VehicleDatasetsAsync()).Single(d => d.GetProperty("status").GetString() == "current");
        Assert.Equal(1, latest.GetProperty("rowCount").GetInt32());
        Assert.Equal(current.GetProperty("version").GetInt32() + 1, latest.GetProperty("version").GetInt32());
    }
}

public sealed class ComparisonTestsOnSqlite(SqliteApp app) : ComparisonTests(app), IClassFixture<SqliteApp>;

public sealed class ComparisonTestsOnPostgres(PostgresApp app) : ComparisonTests(app), IClassFixture<PostgresApp>;
