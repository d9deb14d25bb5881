using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Minzheng.Tests.Infrastructure;
using Minzheng.Web.Modules.Community.Committees;
using Minzheng.Web.Platform.Crypto;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Tests.Community;

/// <summary>
/// A village committee's election from the election committee to the hand-over and archive on the fixture's clock, through the
/// API, on SQLite and PostgreSQL: the committee's odd size, the 20-day roll, the frozen roll changed only by an upheld objection,
/// the 5-day window, a nominated committee member leaving it, a candidate excluded by the county's vetting (MUST_EXCLUDE
/// cannot be overridden), the 5 days for the official candidates, a first round that leaves a seat (a winner with exactly half
/// is not elected), the additional round, the hand-over due in 10 days as a task and the new members installed for five
/// years; the anonymous roll query; another township's clerk sees nothing of it.
/// </summary>
public abstract class ElectionTests(AppFixture app)
{
    private const string Rongzhou = "450921100000";

    private sealed record Villager(Guid Id, string Name, string IdNumber);

    /// <summary>
    /// 红光村 (a 村委会 of 容州镇) with ten more adults registered for the test (the fixture's population is small), all of its living
    /// adults by the vote day with their ID numbers, and an adult of 新南社区 (another village).
    /// </summary>
    private Task<(string Village, List<Villager> People, Villager Outsider)> VillageAsync() => app.WithServicesAsync(async sp =>
    {
        const string village = "450921100202";
        var db = sp.GetRequiredService<AppDbContext>();
        var protector = sp.GetRequiredService<IdentifierProtector>();
        var surnames = "韦黄梁陈李莫覃刘苏廖";
        for (var i = 0; i < 10; i++)
        {
            var sex = i % 2 == 0 ? Sex.Female : Sex.Male;
            var id = IdNumber.TryParse(TestIds.Next(sex), out _)!.Value;
            var p = new Person { Name = surnames[i] + "选" + "甲乙丙丁戊己庚辛壬癸"[i], Sex = sex, BirthDate = id.BirthDate, DivisionCode = village };
            p.SetIdNumber(id, protector);
            db.Persons.Add(p);
        }
        await db.SaveChangesAsync();
        var bornBy = new DateOnly(2008, 12, 25); // 18 on the vote day, 2026-12-25
        var people = await db.Persons.Where(p => p.DivisionCode == village && p.LifeStatus == LifeStatus.Alive && p.BirthDate <= bornBy).ToListAsync();
        // the test's own adults first (they have ID numbers to query the roll with)
        people = [.. people.OrderBy(p => p.IdNumberCipher == null).ThenByDescending(p => p.Name.Contains('选')).ThenBy(p => p.Id)];
        var outsider = await db.Persons.Where(p => p.DivisionCode == "450921100003" && p.LifeStatus == LifeStatus.Alive && p.BirthDate <= bornBy && p.IdNumberCipher != null).OrderBy(p => p.Id).FirstAsync();
        Villager V(Person p) => new(p.Id, p.Name, p.IdNumberCipher is null ? "" : protector.Decrypt(p.IdNumberCipher, ProtectedKind.IdNumber));
        return (village, people.Select(V).ToList(), V(outsider));
    });

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> pending, HttpStatusCode status = HttpStatusCode.OK)
    {
        var r = await pending;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == status, $"{(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> Step(HttpClient c, string id, string action, object body) =>
        await Ok(c.PostAsJsonAsync($"/api/v1/community/elections/{id}/{action}", body));

    private static int V(JsonElement e) => e.GetProperty("version").GetInt32();

    [Fact]
    public async Task An_election_runs_from_committee_to_archive()
    {
        app.SkipIfUnavailable();
        var (village, people, outsider) = await VillageAsync();
        Assert.True(people.Count >= 8, $"{village} has {people.Count} adults");
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var county = await app.ClientAsync("rongxian.officer");
        var other = await app.ClientAsync("yangmei.clerk");
        var committeeId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Committee>().Where(c => c.DivisionCode == village).Select(c => c.Id).FirstAsync());

        // seats 1 + 0 + 2 = 3 (村委会组织法 第六条: three to seven)
        await clerk.PostAsJsonAsync("/api/v1/community/elections", new { committeeId, year = 2026, seatsDirector = 1, seatsDeputy = 0, seatsMember = 1 }).ExpectProblemAsync(400, "validation_failed");
        var e = await Ok(clerk.PostAsJsonAsync("/api/v1/community/elections", new { committeeId, year = 2026, seatsDirector = 1, seatsDeputy = 0, seatsMember = 2, voteDate = "2026-12-25" }), HttpStatusCode.Created);
        var id = e.GetProperty("id").GetString()!;
        Assert.Equal("preparing", e.GetProperty("state").GetString());
        await clerk.PostAsJsonAsync("/api/v1/community/elections", new { committeeId, year = 2026, seatsMember = 2 }).ExpectProblemAsync(409, "com_election_exists");
        await other.GetAsync($"/api/v1/community/elections/{id}").ExpectProblemAsync(404, "not_found");
        Assert.DoesNotContain(await other.GetItemsAsync("/api/v1/community/elections?pageSize=200"), x => x.GetProperty("id").GetString() == id);

        // the election committee: two is not an odd number of three or more
        var (a, b, c, d, f, x, bad) = (people[0], people[1], people[2], people[3], people[4], people[5], people[6]);
        await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/committee", new { personId = a.Id, role = "主任", chosenBy = "村民代表会议", chosenOn = "2026-11-20" }));
        e = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/committee", new { name = "选委甲", chosenBy = "村民代表会议", chosenOn = "2026-11-20" }));
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/register", new { version = V(e) }).ExpectProblemAsync(409, "com_election_committee");
        e = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/committee", new { name = "选委乙", chosenBy = "村民代表会议", chosenOn = "2026-11-20" }));
        e = await Step(clerk, id, "register", new { version = V(e) });
        Assert.Equal("registration", e.GetProperty("state").GetString());

        var generated = await Ok(clerk.PostAsync($"/api/v1/community/elections/{id}/voters/generate", null));
        var registered = generated.GetProperty("added").GetInt32();
        Assert.Equal(people.Count, registered);
        // the roll goes out at least 20 days before the vote: 15 days is refused, with the latest day named
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        var late = await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/publish-roll", new { version = V(e), voteDate = "2026-12-15", publishedOn = "2026-11-30" }).ExpectProblemAsync(409, "com_roll_too_late");
        Assert.Contains("2026年11月25日", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        e = await Step(clerk, id, "publish-roll", new { version = V(e), voteDate = "2026-12-25", publishedOn = "2026-11-30" });
        Assert.Equal("2026-12-05", e.GetProperty("objectionDeadline").GetString());
        // frozen: only an objection changes it
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/voters", new { idNumber = outsider.IdNumber, basis = "nonLocal" }).ExpectProblemAsync(409, "com_roll_frozen");

        // the anonymous roll query: a voter of the village yes (and where), a person of another village no, a wrong name no
        var anonymous = app.CreateClient();
        var yes = await Ok(anonymous.PostAsJsonAsync("/api/v1/public/community/roll", new { idNumber = b.IdNumber, name = b.Name }));
        Assert.True(yes.GetProperty("onRoll").GetBoolean());
        Assert.Contains("容州镇", yes.GetProperty("village").GetString(), StringComparison.Ordinal);
        Assert.False((await Ok(anonymous.PostAsJsonAsync("/api/v1/public/community/roll", new { idNumber = outsider.IdNumber, name = outsider.Name }))).GetProperty("onRoll").GetBoolean());
        var wrongName = await Ok(anonymous.PostAsJsonAsync("/api/v1/public/community/roll", new { idNumber = b.IdNumber, name = b.Name + "某" }));
        Assert.False(wrongName.GetProperty("onRoll").GetBoolean());
        Assert.False(wrongName.TryGetProperty("name", out _));
        await anonymous.PostAsJsonAsync("/api/v1/public/community/roll", new { idNumber = "123", name = "张三" }).ExpectProblemAsync(400, "validation_failed");

        // an objection (错登) within 5 days, decided: upheld, the voter leaves the roll; a decision is a task until made
        var objection = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/objections", new { filedOn = "2026-11-30", filedBy = "村民李某", kind = "wrong", idNumber = bad.IdNumber, reason = "已迁出户籍，长期在外省居住" }));
        var objectionId = objection.GetProperty("id").GetString()!;
        var tasks = await clerk.GetItemsAsync("/api/v1/my/tasks?pageSize=200");
        var task = tasks.Single(t => t.GetProperty("key").GetString() == "com-objection-" + Guid.Parse(objectionId).ToString("N"));
        Assert.Equal("2026-12-03", task.GetProperty("deadline").GetString());
        Assert.DoesNotContain(await other.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString()!.StartsWith("com-objection-", StringComparison.Ordinal));
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/open-nomination", new { version = V(e) }).ExpectProblemAsync(409, "com_objection_open");
        var ov = e.GetProperty("objections")[0].GetProperty("version").GetInt32();
        await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/objections/{objectionId}/decide", new { version = ov, decidedOn = "2026-11-30", upheld = true, decision = "经核实户籍已迁出，除名" }));
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        Assert.Equal(registered - 1, e.GetProperty("voters").GetInt32());
        // still inside the window
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/open-nomination", new { version = V(e) }).ExpectProblemAsync(409, "com_objection_open");
        app.Clock.Advance(TimeSpan.FromDays(6)); // 2026-12-06
        (clerk, county, other) = (await app.ClientAsync("rongzhou.clerk"), await app.ClientAsync("rongxian.officer"), await app.ClientAsync("yangmei.clerk")); // tokens expire on the clock
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/objections", new { filedBy = "村民王某", kind = "omitted", personName = "王某", reason = "漏登" }).ExpectProblemAsync(409, "com_objection_late");
        e = await Step(clerk, id, "open-nomination", new { version = V(e) });

        // nominations: the removed voter cannot be nominated; a member of the election committee nominated leaves it
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/candidates", new { personId = bad.Id, post = "member" }).ExpectProblemAsync(400, "validation_failed");
        await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/candidates", new { personId = a.Id, post = "director", nominators = 12 }));
        await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/candidates", new { personId = b.Id, post = "director", nominators = 10 }));
        foreach (var p in new[] { c, d, f, x }) await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/candidates", new { personId = p.Id, post = "member", nominators = 10 }));
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        var left = e.GetProperty("electionCommittee").EnumerateArray().Single(s => s.GetProperty("name").GetString() == a.Name);
        Assert.Equal("2026-12-06", left.GetProperty("leftOn").GetString());
        Assert.Contains(e.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("第十二条", StringComparison.Ordinal));
        e = await Step(clerk, id, "submit-vetting", new { version = V(e) });

        // the county's joint vetting: every department checks every candidate; 公安 finds x sentenced → MUST_EXCLUDE
        var catalog = await county.GetJsonAsync("/api/v1/community/elections/vetting-catalog");
        var departments = catalog.EnumerateArray().Where(k => k.GetProperty("kind").GetString() == "department").Select(k => k.GetProperty("text").GetString()!).ToList();
        Assert.NotEmpty(departments);
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/candidates/{e.GetProperty("candidates")[0].GetProperty("id").GetString()}/checks", new { department = departments[0], result = "pass" })
            .ExpectProblemAsync(403, "forbidden");
        foreach (var candidate in e.GetProperty("candidates").EnumerateArray())
        {
            var cid = candidate.GetProperty("id").GetString();
            var excluded = candidate.GetProperty("name").GetString() == x.Name;
            foreach (var dept in departments)
            {
                var sentenced = excluded && dept == "县公安局";
                await Ok(county.PostAsJsonAsync($"/api/v1/community/elections/candidates/{cid}/checks", sentenced
                    ? new { department = dept, result = "mustExclude", categoryCode = "sentenced", evidence = "（2022）桂0921刑初123号判决书，2023年刑满释放", checkedOn = "2026-12-06" }
                    : (object)new { department = dept, result = "pass", checkedOn = "2026-12-06" }));
            }
        }
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        var xs = e.GetProperty("candidates").EnumerateArray().Single(k => k.GetProperty("name").GetString() == x.Name);
        Assert.Equal("mustExclude", xs.GetProperty("verdict").GetString());
        await county.PostAsJsonAsync($"/api/v1/community/elections/candidates/{xs.GetProperty("id").GetString()}/override", new { version = xs.GetProperty("version").GetInt32(), reason = "群众基础好" })
            .ExpectProblemAsync(409, "com_candidate_excluded");
        e = await Step(clerk, id, "publish-candidates", new { version = V(e), publishedOn = "2026-12-06" });
        Assert.Equal("voting", e.GetProperty("state").GetString());
        Assert.False(e.GetProperty("candidates").EnumerateArray().Single(k => k.GetProperty("name").GetString() == x.Name).GetProperty("official").GetBoolean());

        // the vote: c over half; d with exactly half of the ballots is not elected → one member seat left
        app.Clock.Advance(TimeSpan.FromDays(19)); // 2026-12-25
        (clerk, county, other) = (await app.ClientAsync("rongzhou.clerk"), await app.ClientAsync("rongxian.officer"), await app.ClientAsync("yangmei.clerk")); // tokens expire on the clock
        var voters = e.GetProperty("voters").GetInt32();
        var cast = voters - voters / 4;
        var ids = e.GetProperty("candidates").EnumerateArray().ToDictionary(k => k.GetProperty("name").GetString()!, k => k.GetProperty("id").GetString()!);
        var box = new
        {
            name = "中心会场",
            ballotsIssued = voters,
            ballotsCast = cast,
            invalidBallots = 0,
            votes = new object[]
            {
                new { candidateId = ids[a.Name], votes = cast - 1 }, new { candidateId = ids[b.Name], votes = 1 },
                new { candidateId = ids[c.Name], votes = cast - 1 }, new { candidateId = ids[d.Name], votes = cast / 2 }, new { candidateId = ids[f.Name], votes = cast / 2 - 1 },
            },
        };
        e = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/boxes", box));
        var first = e.GetProperty("tallies")[0];
        Assert.True(first.GetProperty("valid").GetBoolean());
        var members = first.GetProperty("posts").EnumerateArray().Single(p => p.GetProperty("post").GetString() == "member").GetProperty("result");
        Assert.Equal([c.Name], members.GetProperty("elected").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(1, members.GetProperty("seatsLeft").GetInt32());
        await clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/close-vote", new { version = V(e) }).ExpectProblemAsync(409, "com_seats_left");
        e = await Step(clerk, id, "call-additional", new { version = V(e), additionalVoteDate = "2026-12-27" });
        Assert.Equal("additional", e.GetProperty("state").GetString());

        // 另行选举 between d and f: the most votes, at least a third
        app.Clock.Advance(TimeSpan.FromDays(2)); // 2026-12-27
        (clerk, county, other) = (await app.ClientAsync("rongzhou.clerk"), await app.ClientAsync("rongxian.officer"), await app.ClientAsync("yangmei.clerk")); // tokens expire on the clock
        var cast2 = voters / 2 + 1;
        e = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/elections/{id}/boxes", new
        {
            name = "中心会场",
            ballotsIssued = voters,
            ballotsCast = cast2,
            invalidBallots = 0,
            votes = new object[] { new { candidateId = ids[d.Name], votes = cast2 / 2 + 1 }, new { candidateId = ids[f.Name], votes = cast2 / 2 - 1 } },
        }));
        var second = e.GetProperty("tallies")[1];
        Assert.Equal([d.Name], second.GetProperty("posts")[0].GetProperty("result").GetProperty("elected").EnumerateArray().Select(n => n.GetString()));
        e = await Step(clerk, id, "close-vote", new { version = V(e) });
        Assert.Equal("handover", e.GetProperty("state").GetString());
        Assert.Equal("2027-01-06", e.GetProperty("handoverDue").GetString());
        var key = "com-handover-" + Guid.Parse(id).ToString("N");
        Assert.Contains(await clerk.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == key);

        app.Clock.Advance(TimeSpan.FromDays(14)); // 2027-01-10: overdue
        (clerk, county, other) = (await app.ClientAsync("rongzhou.clerk"), await app.ClientAsync("rongxian.officer"), await app.ClientAsync("yangmei.clerk")); // tokens expire on the clock
        e = await clerk.GetJsonAsync($"/api/v1/community/elections/{id}");
        Assert.True(e.GetProperty("handoverOverdue").GetBoolean());
        e = await Step(clerk, id, "hand-over", new { version = V(e), handedOverOn = "2027-01-08", note = "公章、账册、档案已移交" });
        Assert.DoesNotContain(await clerk.GetItemsAsync("/api/v1/my/tasks?pageSize=200"), t => t.GetProperty("key").GetString() == key);
        var committee = await clerk.GetJsonAsync($"/api/v1/community/committees/{committeeId}");
        var current = committee.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("post").GetString() is "director" or "member").ToList();
        Assert.Equal(new[] { a.Name, c.Name, d.Name }.Order(), current.Select(m => m.GetProperty("name").GetString()).Order());
        Assert.All(current, m => Assert.Equal("2031-12-26", m.GetProperty("termUntil").GetString()));
        e = await Step(clerk, id, "archive", new { version = V(e) });
        Assert.Equal("archived", e.GetProperty("state").GetString());
        // the county's progress: 容州镇's row counts this election as archived and its other committees as not started
        var progress = (await county.GetJsonAsync("/api/v1/community/elections/progress?year=2026&divisionCode=450921000000")).EnumerateArray()
            .Single(r => r.GetProperty("divisionCode").GetString() == Rongzhou);
        Assert.Equal(1, progress.GetProperty("byState").GetProperty("archived").GetInt32());
        Assert.Equal(progress.GetProperty("committees").GetInt32() - 1, progress.GetProperty("notStarted").GetInt32());
        // an archived round's roll is no longer answered
        Assert.False((await Ok(anonymous.PostAsJsonAsync("/api/v1/public/community/roll", new { idNumber = b.IdNumber, name = b.Name }))).GetProperty("onRoll").GetBoolean());
    }

    [Fact]
    public async Task The_tally_api_reports_and_refuses()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var r = await Ok(clerk.PostAsJsonAsync("/api/v1/community/elections/tally", new { registeredVoters = 100, ballotsCast = 80, seats = 1, round = "first", candidates = new[] { new { name = "甲", votes = 40 }, new { name = "乙", votes = 38 } } }));
        Assert.True(r.GetProperty("valid").GetBoolean());
        Assert.Equal(0, r.GetProperty("elected").GetArrayLength());
        Assert.Equal(1, r.GetProperty("seatsLeft").GetInt32());
        Assert.NotEmpty(r.GetProperty("reasons").EnumerateArray());
        var problem = await clerk.PostAsJsonAsync("/api/v1/community/elections/tally", new { registeredVoters = 100, ballotsCast = 120, seats = 1, round = "first", candidates = new[] { new { name = "甲", votes = 40 } } })
            .ExpectProblemAsync(400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("ballotsCast", out _));
        await clerk.PostAsJsonAsync("/api/v1/community/elections/tally", new { registeredVoters = 100, ballotsCast = 60, seats = 1, round = "third", candidates = new[] { new { name = "甲", votes = 40 } } })
            .ExpectProblemAsync(400, "validation_failed");
    }

    [Fact]
    public async Task Two_consecutive_incompetent_reviews_end_a_village_members_office()
    {
        app.SkipIfUnavailable();
        var clerk = await app.ClientAsync("rongzhou.clerk");
        var committeeId = await app.WithServicesAsync(sp => sp.GetRequiredService<AppDbContext>().Set<Committee>().Where(c => c.DivisionCode == "450921100205").Select(c => c.Id).FirstAsync());
        var dto = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/committees/{committeeId}/members", new { name = "评议甲", sex = "male", post = "member", termFrom = "2021-01-10" }), HttpStatusCode.Created);
        var member = dto.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "评议甲");
        var mid = member.GetProperty("id").GetString();
        var r1 = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/committees/members/{mid}/reviews", new { year = 2024, result = "incompetent", reviewedOn = "2024-12-20" }));
        Assert.False(r1.GetProperty("ended").GetBoolean());
        await clerk.PostAsJsonAsync($"/api/v1/community/committees/members/{mid}/reviews", new { year = 2024, result = "competent", reviewedOn = "2024-12-21" }).ExpectProblemAsync(409, "com_review_exists");
        var r2 = await Ok(clerk.PostAsJsonAsync($"/api/v1/community/committees/members/{mid}/reviews", new { year = 2025, result = "incompetent", reviewedOn = "2025-12-18" }));
        Assert.True(r2.GetProperty("ended").GetBoolean());
        dto = await clerk.GetJsonAsync($"/api/v1/community/committees/{committeeId}");
        var former = dto.GetProperty("formerMembers").EnumerateArray().Single(m => m.GetProperty("id").GetString() == mid);
        Assert.Equal("2025-12-18", former.GetProperty("endedOn").GetString());
        Assert.Contains("第三十三条", former.GetProperty("endReason").GetString(), StringComparison.Ordinal);
        await clerk.PostAsJsonAsync($"/api/v1/community/committees/members/{mid}/reviews", new { year = 2026, result = "competent", reviewedOn = "2026-11-30" }).ExpectProblemAsync(409, "com_member_ended");
        // the composition check names the article; another township's clerk cannot see the committee
        Assert.All(dto.GetProperty("warnings").EnumerateArray(), w => Assert.StartsWith("《", w.GetProperty("article").GetString(), StringComparison.Ordinal));
        await (await app.ClientAsync("yangmei.clerk")).GetAsync($"/api/v1/community/committees/{committeeId}").ExpectProblemAsync(404, "not_found");
        var list = await (await app.ClientAsync("yangmei.clerk")).GetItemsAsync("/api/v1/community/committees?pageSize=200");
        Assert.NotEmpty(list);
        Assert.All(list, c => Assert.StartsWith("450921102", c.GetProperty("divisionCode").GetString(), StringComparison.Ordinal));
        // bad input: a future date, a missing post, an over-long name
        var bad = await clerk.PostAsJsonAsync($"/api/v1/community/committees/{committeeId}/members", new { name = new string('名', 51), sex = "female", termFrom = "2099-01-01" }).ExpectProblemAsync(400, "validation_failed");
        Assert.True(bad.GetProperty("errors").TryGetProperty("name", out _));
    }
}

public sealed class ElectionTestsOnSqlite(SqliteApp app) : ElectionTests(app), IClassFixture<SqliteApp>;

public sealed class ElectionTestsOnPostgres(PostgresApp app) : ElectionTests(app), IClassFixture<PostgresApp>;
