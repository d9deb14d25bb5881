using Bogus;
using Minzheng.Web.Platform.Divisions;
using Minzheng.Web.Platform.Registry;

namespace Minzheng.Web.Platform.Demo;

/// <summary>
/// A deterministic synthetic population of 玉林市 (fixed seed): households of realistic shapes over every
/// county and most villages, ages by household type, valid ID numbers whose address code is the county,
/// Guangxi surnames, some disabled people with certificates, some deceased or missing. Nothing here is real.
/// </summary>
public sealed class DemoPopulation
{
    public const int Seed = 20200101;

    /// <summary>Ages are computed against a fixed date so that every machine seeds the same people.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 1, 1);

    public sealed record PersonSpec(
        string IdNumber, string Name, Sex Sex, DateOnly BirthDate, string Ethnicity, HukouType HukouType,
        string DivisionCode, string Address, string? Phone, string? BankName, string? BankAccount, string? DisabilityCertificate,
        DisabilityCategory? DisabilityCategory, int? DisabilityGrade, LifeStatus LifeStatus, DateOnly? DeathDate, DateOnly? MissingSince);

    public sealed record MemberSpec(int PersonIndex, Relation Relation, DateOnly JoinedOn, DateOnly? LeftOn, string? LeftReason);

    public sealed record HouseholdSpec(string Number, string DivisionCode, string Address, int HeadIndex, List<MemberSpec> Members);

    public List<PersonSpec> People { get; } = [];
    public List<HouseholdSpec> Households { get; } = [];

    // Common surnames of 玉林 (weights are illustrative, not census figures).
    private static readonly (string Name, int Weight)[] Surnames =
    [
        ("陈", 90), ("李", 70), ("黄", 70), ("梁", 55), ("刘", 45), ("林", 40), ("张", 38), ("王", 35), ("杨", 30),
        ("冯", 28), ("钟", 25), ("庞", 22), ("吴", 22), ("何", 20), ("莫", 20), ("罗", 18), ("邓", 16), ("朱", 15),
        ("周", 15), ("谢", 14), ("覃", 12), ("苏", 12), ("韦", 12), ("曾", 11), ("蒙", 10), ("宁", 9), ("潘", 9),
        ("骆", 8), ("封", 7), ("牟", 6), ("彭", 6), ("赖", 6), ("丘", 5), ("卢", 5), ("蔡", 5), ("叶", 5), ("欧", 4),
    ];

    private static readonly string[] MaleOld = ["德", "福", "贵", "荣", "桂", "华", "文", "明", "金", "生", "财", "昌", "光", "志", "永", "国", "建", "家", "忠", "胜", "强", "水", "秀", "宗", "汉"];
    private static readonly string[] MaleYoung = ["伟", "杰", "浩", "宇", "俊", "涛", "斌", "鑫", "磊", "轩", "睿", "博", "子", "一", "嘉", "晨", "皓", "宏", "泽", "海", "锋", "凯", "健", "鹏", "翔", "诚", "航", "毅"];
    private static readonly string[] FemaleOld = ["秀", "英", "兰", "桂", "凤", "梅", "玉", "珍", "琼", "娟", "芳", "莲", "花", "彩", "月", "群", "妹", "金", "美", "丽"];
    private static readonly string[] FemaleYoung = ["婷", "静", "敏", "颖", "欣", "怡", "琳", "雪", "佳", "梦", "雨", "诗", "思", "晓", "莉", "娜", "萍", "燕", "慧", "洁", "丹", "倩", "彤", "蕾", "菲"];

    private static readonly (string Code, double Weight)[] Counties =
    [
        ("450902000000", 9), ("450903000000", 4.5), ("450921000000", 8), ("450922000000", 10),
        ("450923000000", 19), ("450924000000", 7.5), ("450981000000", 15),
    ];

    private static readonly (DisabilityCategory Category, int Weight)[] DisabilityWeights =
    [
        (DisabilityCategory.Physical, 40), (DisabilityCategory.Hearing, 15), (DisabilityCategory.Visual, 12),
        (DisabilityCategory.Mental, 12), (DisabilityCategory.Intellectual, 9), (DisabilityCategory.Multiple, 10), (DisabilityCategory.Speech, 2),
    ];

    private readonly Randomizer _r = new(Seed);
    private readonly HashSet<string> _ids = [];
    private readonly Dictionary<string, int> _householdSeq = [];

    public static DemoPopulation Generate(DivisionDirectory divisions, int targetPeople, int targetHouseholds, IReadOnlyCollection<string> mustHaveVillages)
    {
        var p = new DemoPopulation();
        var villagesByCounty = Counties.ToDictionary(
            c => c.Code,
            c => divisions.Descendants(c.Code, DivisionLevel.Village).ToArray());
        var forced = new Queue<string>(mustHaveVillages.SelectMany(v => Enumerable.Repeat(v, 12)));
        while (p.People.Count < targetPeople || p.Households.Count < targetHouseholds)
        {
            Division village;
            if (forced.Count > 0)
            {
                village = divisions.Find(forced.Dequeue())!;
            }
            else
            {
                var county = p.PickWeighted(Counties, c => c.Weight).Code;
                var villages = villagesByCounty[county];
                village = villages[p._r.Number(0, villages.Length - 1)];
            }
            p.AddHousehold(divisions, village);
        }
        return p;
    }

    private T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = _r.Double() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }

    private void AddHousehold(DivisionDirectory divisions, Division village)
    {
        var urban = village.IsUrban ?? false;
        var hukou = urban ? HukouType.Urban : HukouType.Rural;
        var county = DivisionCodes.CountyPart(village.Code);
        var seq = _householdSeq[village.Code] = _householdSeq.GetValueOrDefault(village.Code) + 1;
        var address = Address(divisions, village, seq);
        var surname = PickWeighted(Surnames, s => s.Weight).Name;
        var members = new List<(int Index, Relation Relation)>();

        int Add(Sex sex, int age, string familyName, Relation relation)
        {
            var index = AddPerson(county, village.Code, hukou, address, sex, age, familyName);
            members.Add((index, relation));
            return index;
        }

        var kind = _r.Double();
        if (kind < 0.40)
        {
            // couple with children
            var age = _r.Number(26, 56);
            Add(Sex.Male, age, surname, Relation.Head);
            var wifeAge = Math.Max(20, age + _r.Number(-5, 2));
            Add(Sex.Female, wifeAge, PickWeighted(Surnames, s => s.Weight).Name, Relation.Spouse);
            AddChildren(wifeAge, surname, _r.Number(1, 3), Add);
        }
        else if (kind < 0.65)
        {
            // three generations under the son as head
            var age = _r.Number(30, 55);
            Add(Sex.Male, age, surname, Relation.Head);
            var wifeAge = Math.Max(22, age + _r.Number(-4, 2));
            Add(Sex.Female, wifeAge, PickWeighted(Surnames, s => s.Weight).Name, Relation.Spouse);
            var parentAge = age + _r.Number(22, 32);
            if (_r.Double() < 0.6) Add(Sex.Male, parentAge, surname, Relation.Father);
            Add(Sex.Female, parentAge - _r.Number(0, 4), PickWeighted(Surnames, s => s.Weight).Name, Relation.Mother);
            AddChildren(wifeAge, surname, _r.Number(1, 2), Add);
        }
        else if (kind < 0.77)
        {
            var age = _r.Number(60, 86);
            Add(Sex.Male, age, surname, Relation.Head);
            Add(Sex.Female, age - _r.Number(0, 5), PickWeighted(Surnames, s => s.Weight).Name, Relation.Spouse);
        }
        else if (kind < 0.85)
        {
            // elderly person living alone, more often a widow
            Add(_r.Double() < 0.35 ? Sex.Male : Sex.Female, _r.Number(62, 96), surname, Relation.Head);
        }
        else if (kind < 0.92)
        {
            Add(_r.Double() < 0.6 ? Sex.Male : Sex.Female, _r.Number(19, 60), surname, Relation.Head);
        }
        else if (kind < 0.97)
        {
            // single parent with children
            var female = _r.Double() < 0.6;
            var age = _r.Number(26, 50);
            Add(female ? Sex.Female : Sex.Male, age, surname, Relation.Head);
            AddChildren(female ? age : age - 2, surname, _r.Number(1, 3), Add);
        }
        else
        {
            // grandparents raising grandchildren whose parents work elsewhere (留守)
            var age = _r.Number(55, 76);
            Add(Sex.Male, age, surname, Relation.Head);
            if (_r.Double() < 0.7) Add(Sex.Female, age - _r.Number(0, 4), PickWeighted(Surnames, s => s.Weight).Name, Relation.Spouse);
            for (var i = _r.Number(1, 3); i > 0; i--)
            {
                var boy = _r.Bool();
                Add(boy ? Sex.Male : Sex.Female, _r.Number(2, 15), surname, boy ? Relation.Grandson : Relation.Granddaughter);
            }
        }

        var number = village.Code + seq.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var household = new HouseholdSpec(number, village.Code, address, members[0].Index, []);
        foreach (var (index, relation) in members)
        {
            var person = People[index];
            var joined = person.BirthDate > new DateOnly(2000, 1, 1) ? person.BirthDate : new DateOnly(2000, 1, 1);
            // Most deaths have been recorded in the registry; some have not yet (what data comparison later finds).
            var left = person.LifeStatus == LifeStatus.Deceased && relation != Relation.Head && _r.Double() < 0.7 ? person.DeathDate : null;
            household.Members.Add(new MemberSpec(index, relation, joined, left, left is null ? null : "死亡"));
        }
        Households.Add(household);
    }

    private void AddChildren(int motherAge, string surname, int count, Func<Sex, int, string, Relation, int> add)
    {
        var maxAge = Math.Max(0, motherAge - 20);
        for (var i = 0; i < count; i++)
        {
            var boy = _r.Double() < 0.53;
            add(boy ? Sex.Male : Sex.Female, _r.Number(0, Math.Min(maxAge, 30)), surname, boy ? Relation.Son : Relation.Daughter);
        }
    }

    private int AddPerson(string county, string villageCode, HukouType hukou, string address, Sex sex, int age, string surname)
    {
        var birth = ReferenceDate.AddYears(-age).AddDays(-_r.Number(1, 364));
        string id;
        do
        {
            var seq = _r.Number(0, 499) * 2 + (sex == Sex.Male ? 1 : 0);
            id = IdNumber.Compose(county, birth, seq);
        }
        while (!_ids.Add(id));

        var name = surname + GivenName(sex, birth.Year);
        var ethnicity = _r.Double() switch { < 0.955 => "汉族", < 0.99 => "壮族", < 0.995 => "瑶族", _ => "苗族" };
        var phone = age >= 16 && _r.Double() < 0.75 ? "1" + _r.ArrayElement(new[] { "3", "5", "7", "8", "9" }) + _r.Number(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

        // Adults mostly hold a rural credit cooperative or bank card for benefit payments (一卡通).
        string? bankName = null, bankAccount = null;
        if (age >= 18 && _r.Double() < 0.7)
        {
            (bankName, var bin) = _r.Double() switch
            {
                < 0.6 => ("广西农村信用社", "623058"),
                < 0.8 => ("中国邮政储蓄银行", "621799"),
                < 0.9 => ("中国农业银行", "622848"),
                _ => ("中国建设银行", "621700"),
            };
            bankAccount = bin + string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + _r.Number(0, 9))));
        }

        DisabilityCategory? category = null;
        int? grade = null;
        string? certificate = null;
        var disabilityChance = age >= 60 ? 0.10 : age >= 18 ? 0.04 : 0.02;
        if (_r.Double() < disabilityChance)
        {
            category = PickWeighted(DisabilityWeights, d => d.Weight).Category;
            grade = _r.Double() switch { < 0.15 => 1, < 0.40 => 2, < 0.70 => 3, _ => 4 };
            certificate = id + (int)category + grade;
        }

        var status = LifeStatus.Alive;
        DateOnly? death = null;
        DateOnly? missing = null;
        var deathChance = age >= 80 ? 0.08 : age >= 60 ? 0.025 : 0.002;
        var roll = _r.Double();
        if (roll < deathChance)
        {
            status = LifeStatus.Deceased;
            death = new DateOnly(2019, 1, 1).AddDays(_r.Number(0, 2860));
        }
        else if (roll > 0.9985 && age >= 18)
        {
            status = LifeStatus.Missing;
            missing = new DateOnly(2018, 1, 1).AddDays(_r.Number(0, 2900));
        }

        People.Add(new PersonSpec(id, name, sex, birth, ethnicity, hukou, villageCode, address, phone, bankName, bankAccount, certificate, category, grade, status, death, missing));
        return People.Count - 1;
    }

    private string GivenName(Sex sex, int birthYear)
    {
        var young = birthYear >= 1980;
        var pool = (sex, young) switch
        {
            (Sex.Male, false) => MaleOld,
            (Sex.Male, true) => MaleYoung,
            (_, false) => FemaleOld,
            _ => FemaleYoung,
        };
        return _r.Double() < 0.25 ? _r.ArrayElement(pool) : _r.ArrayElement(pool) + _r.ArrayElement(pool);
    }

    private string Address(DivisionDirectory divisions, Division village, int seq)
    {
        var town = divisions.Find(village.ParentCode);
        var county = divisions.Find(town?.ParentCode);
        var place = village.Name.Replace("社区居民委员会", "社区", StringComparison.Ordinal).Replace("社区居委会", "社区", StringComparison.Ordinal)
            .Replace("村委会", "", StringComparison.Ordinal);
        if (!place.EndsWith('村') && !place.EndsWith("社区", StringComparison.Ordinal)) place += village.IsUrban == true ? "" : "村";
        var detail = village.IsUrban == true
            ? $"{_r.Number(1, 60)}号{_r.Number(1, 12)}栋{_r.Number(1, 6)}0{_r.Number(1, 4)}室"
            : $"{_r.Number(1, 15)}组{seq}号";
        return $"{county?.Name}{town?.Name}{place}{detail}";
    }
}
