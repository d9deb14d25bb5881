namespace Minzheng.Web.Platform.Divisions;

/// <summary>
/// Turns a registered division change into the complete plan it means for the tree (ADR 065), without touching storage:
/// the code mapping for records, the divisions created, retired and renamed. Pure over a <see cref="DivisionDirectory"/>,
/// so the same plan is shown as a preview, checked in tests and applied.
/// <para>
/// The 12-digit code carries the hierarchy (a scope is a code range), so a division that moves under another parent is
/// re-coded with its whole subtree: its own digits are kept where free under the new parent, else the next free number of
/// the same hundred (统计用区划代码: 0xx/1xx towns and streets, 2xx villages; villages 0xx–1xx communities, 2xx villages).
/// </para>
/// </summary>
public static class DivisionChangePlanner
{
    public sealed record Item(string FromCode, string? ToCode, string? ToName);

    /// <summary>A division renamed in place (same code): the old state becomes a <see cref="DivisionVersion"/>.</summary>
    public sealed record Renaming(string Code, string NewName, bool? IsUrban);

    public sealed record Plan(
        IReadOnlyDictionary<string, string> RecordMapping,
        IReadOnlyDictionary<string, string> IdentityMapping,
        IReadOnlyList<Division> Created,
        IReadOnlyList<(string Code, string SucceededBy)> Retired,
        IReadOnlyList<Renaming> Renamed);

    public sealed class Result
    {
        public Plan? Plan { get; init; }
        public Dictionary<string, List<string>> Errors { get; } = [];
        public bool Ok => Errors.Count == 0 && Plan is not null;

        internal void Add(string field, string message)
        {
            if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
            list.Add(message);
        }
    }

    public static Result Build(DivisionDirectory tree, DivisionChangeKind kind, DateOnly effectiveOn, IReadOnlyList<Item> items, PlaceNamePinyin pinyin)
    {
        var probe = new Result();
        if (items.Count == 0) probe.Add("items", "请至少填写一项区划变更");
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var d = tree.Find(it.FromCode);
            if (d is null) probe.Add($"items[{i}].fromCode", $"区划代码 {it.FromCode} 不存在");
            else if (d.RetiredOn is not null) probe.Add($"items[{i}].fromCode", $"{d.Name}（{d.Code}）已于 {d.RetiredOn:yyyy-MM-dd} 撤销，不能再变更");
            else if (d.Level <= DivisionLevel.City) probe.Add($"items[{i}].fromCode", "本平台只管理县级及以下区划的变更");
            if (it.ToCode is { Length: > 0 } to && !DivisionCodes.IsWellFormed(to)) probe.Add($"items[{i}].toCode", $"“{to}”不是12位数字区划代码");
            if (it.ToName is { } n && (n.Trim().Length == 0 || n.Length > 100)) probe.Add($"items[{i}].toName", "名称须为1至100个字");
        }
        if (probe.Errors.Count > 0) return probe;

        var b = new Builder(tree, effectiveOn, pinyin);
        switch (kind)
        {
            case DivisionChangeKind.Rename: b.Rename(items); break;
            case DivisionChangeKind.Recode or DivisionChangeKind.CountyToDistrict or DivisionChangeKind.TownToStreet: b.Recode(kind, items); break;
            case DivisionChangeKind.Merge: b.Merge(items); break;
            case DivisionChangeKind.Split: b.Split(items); break;
        }
        if (b.Errors.Errors.Count > 0) return b.Errors;
        return new Result { Plan = new Plan(b.Records, b.Identity, b.Created, b.Retired, b.Renamed) };
    }

    private sealed class Builder(DivisionDirectory tree, DateOnly on, PlaceNamePinyin pinyin)
    {
        public Result Errors { get; } = new();
        public Dictionary<string, string> Records { get; } = [];
        public Dictionary<string, string> Identity { get; } = [];
        public List<Division> Created { get; } = [];
        public List<(string, string)> Retired { get; } = [];
        public List<Renaming> Renamed { get; } = [];
        private readonly HashSet<string> _taken = [];

        private bool Free(string code) => tree.Find(code) is null && !_taken.Contains(code);

        public void Rename(IReadOnlyList<Item> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var d = tree.Find(items[i].FromCode)!;
                if (items[i].ToCode is { Length: > 0 } to && to != d.Code) Errors.Add($"items[{i}].toCode", "更名不改变代码；改代码请选“变更代码”");
                else if (items[i].ToName is not { } name) Errors.Add($"items[{i}].toName", "请填写新名称");
                else if (name.Trim() == d.Name) Errors.Add($"items[{i}].toName", "新名称与现名称相同");
                else Renamed.Add(new Renaming(d.Code, name.Trim(), DivisionReference.UrbanFromName(name.Trim(), d.Level) ?? d.IsUrban));
            }
        }

        public void Recode(DivisionChangeKind kind, IReadOnlyList<Item> items)
        {
            if (items.Count != 1) { Errors.Add("items", "此类变更一次只针对一个区划"); return; }
            var it = items[0];
            var d = tree.Find(it.FromCode)!;
            var name = it.ToName?.Trim();
            switch (kind)
            {
                case DivisionChangeKind.CountyToDistrict when d.Level != DivisionLevel.County:
                    Errors.Add("items[0].fromCode", "撤县设区须选择一个县级区划"); return;
                case DivisionChangeKind.CountyToDistrict when name is null || !name.EndsWith('区'):
                    Errors.Add("items[0].toName", "撤县设区后的名称须以“区”结尾"); return;
                case DivisionChangeKind.TownToStreet when d.Level != DivisionLevel.Town:
                    Errors.Add("items[0].fromCode", "撤镇设街道须选择一个乡镇"); return;
                case DivisionChangeKind.TownToStreet when name is null || !name.EndsWith("街道", StringComparison.Ordinal):
                    Errors.Add("items[0].toName", "撤镇设街道后的名称须以“街道”结尾"); return;
            }
            var urban = kind == DivisionChangeKind.TownToStreet ? true : (name is null ? d.IsUrban : DivisionReference.UrbanFromName(name, d.Level) ?? d.IsUrban);
            if (it.ToCode is not { Length: > 0 } to || to == d.Code)
            {
                if (kind == DivisionChangeKind.Recode) { Errors.Add("items[0].toCode", "请填写新的区划代码"); return; }
                Renamed.Add(new Renaming(d.Code, name!, urban));
                return;
            }
            if (DivisionCodes.LevelOf(to) != d.Level) { Errors.Add("items[0].toCode", $"新代码须与原区划同为{DivisionCodes.LevelName(d.Level)}"); return; }
            if (d.ParentCode is { } p && !to.StartsWith(DivisionCodes.ScopePrefix(p), StringComparison.Ordinal))
            {
                Errors.Add("items[0].toCode", $"新代码须在上级区划 {tree.NameOf(p)}（{p}）的代码范围内"); return;
            }
            if (!Free(to)) { Errors.Add("items[0].toCode", $"代码 {to} 已被使用（含已撤销的区划），不能复用"); return; }
            Move(d, to, d.ParentCode, name, urban, identity: true);
        }

        public void Merge(IReadOnlyList<Item> items)
        {
            var targets = items.Select(i => i.ToCode).Distinct().ToList();
            if (targets.Count != 1 || targets[0] is not { Length: > 0 } targetCode) { Errors.Add("items", "合并须把各区划并入同一个区划（填写同一个目标代码）"); return; }
            var first = tree.Find(items[0].FromCode)!;
            var parent = first.ParentCode;
            for (var i = 0; i < items.Count; i++)
            {
                var d = tree.Find(items[i].FromCode)!;
                if (d.ParentCode != parent || d.Level != first.Level) Errors.Add($"items[{i}].fromCode", "合并的区划须同级且属同一上级");
                if (d.Code == targetCode) Errors.Add($"items[{i}].fromCode", "被并入的区划不能是合并目标本身");
            }
            if (items.Select(i => i.FromCode).Distinct().Count() != items.Count) Errors.Add("items", "同一区划填写了两次");
            if (Errors.Errors.Count > 0) return;

            var target = Target(targetCode, items[0].ToName, first, "items[0].toCode");
            if (target is null) return;
            var children = new List<Division>();
            foreach (var it in items)
            {
                var d = tree.Find(it.FromCode)!;
                Records[d.Code] = target.Code; // records of the division itself go to the target; its accounts do not (ADR 065)
                Retired.Add((d.Code, target.Code));
                children.AddRange(tree.ChildrenOf(d.Code));
            }
            foreach (var (child, code) in AssignCodes(target.Code, children)) Move(child, code, target.Code, null, child.IsUrban, identity: true);
        }

        public void Split(IReadOnlyList<Item> items)
        {
            var first = tree.Find(items[0].FromCode)!;
            var source = first.ParentCode;
            for (var i = 0; i < items.Count; i++)
            {
                var d = tree.Find(items[i].FromCode)!;
                if (d.ParentCode != source) Errors.Add($"items[{i}].fromCode", "析出的下级区划须属同一个被拆分的区划");
                if (items[i].ToCode is not { Length: > 0 }) Errors.Add($"items[{i}].toCode", "请填写析出后所属区划的代码");
            }
            if (source is null || Errors.Errors.Count > 0) return;
            var sourceDivision = tree.Find(source)!;
            var targets = new Dictionary<string, (Division Target, List<Division> Moving)>();
            for (var i = 0; i < items.Count; i++)
            {
                var to = items[i].ToCode!;
                if (to == source) { Errors.Add($"items[{i}].toCode", "目标不能是原区划本身"); return; }
                if (!targets.TryGetValue(to, out var group))
                {
                    var target = Target(to, items[i].ToName, sourceDivision, $"items[{i}].toCode");
                    if (target is null) return;
                    targets[to] = group = (target, []);
                }
                group.Moving.Add(tree.Find(items[i].FromCode)!);
            }
            foreach (var (target, moving) in targets.Values)
            {
                foreach (var (d, code) in AssignCodes(target.Code, moving)) Move(d, code, target.Code, null, d.IsUrban, identity: true);
            }
            if (tree.ChildrenOf(source).All(c => Records.ContainsKey(c.Code)))
            {
                Errors.Add("items", $"{sourceDivision.Name}的下级区划将全部析出；整体并入请选“合并”");
            }
        }

        /// <summary>An existing sibling of <paramref name="like"/> in force, or a new one created under the same parent.</summary>
        private Division? Target(string code, string? name, Division like, string field)
        {
            if (tree.Find(code) is { } existing)
            {
                if (existing.RetiredOn is not null) { Errors.Add(field, $"{existing.Name}（{code}）已撤销"); return null; }
                if (existing.ParentCode != like.ParentCode || existing.Level != like.Level) { Errors.Add(field, "目标区划须与原区划同级且属同一上级"); return null; }
                return existing;
            }
            if (Created.FirstOrDefault(c => c.Code == code) is { } made) return made;
            if (DivisionCodes.LevelOf(code) != like.Level || (like.ParentCode is { } p && !code.StartsWith(DivisionCodes.ScopePrefix(p), StringComparison.Ordinal)))
            {
                Errors.Add(field, $"新区划代码须为{tree.NameOf(like.ParentCode)}下的{DivisionCodes.LevelName(like.Level)}代码"); return null;
            }
            if (name?.Trim() is not { Length: > 0 } n) { Errors.Add(field.Replace("toCode", "toName", StringComparison.Ordinal), "新设区划须填写名称"); return null; }
            var created = new Division
            {
                Code = code,
                Name = n,
                Level = like.Level,
                ParentCode = like.ParentCode,
                IsUrban = DivisionReference.UrbanFromName(n, like.Level),
                Pinyin = pinyin.Romanize(n),
                SortOrder = like.SortOrder,
                ValidFrom = on,
            };
            _taken.Add(code);
            Created.Add(created);
            return created;
        }

        /// <summary>
        /// New codes for <paramref name="children"/> under <paramref name="parentCode"/>: first every child whose own digits are
        /// free there keeps them, then the others take the lowest free number of their own hundred (never a round hundred).
        /// </summary>
        private List<(Division Child, string Code)> AssignCodes(string parentCode, IReadOnlyList<Division> children)
        {
            var prefix = DivisionCodes.ScopePrefix(parentCode);
            var width = DivisionCodes.PrefixLength(DivisionCodes.LevelOf(parentCode) + 1) - prefix.Length;
            string Code(int n) => (prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0')).PadRight(DivisionCodes.Length, '0');
            int Own(Division c) => int.Parse(c.Code.AsSpan(prefix.Length, width), System.Globalization.CultureInfo.InvariantCulture);
            var assigned = new Dictionary<Division, string>();
            foreach (var c in children)
            {
                var code = Code(Own(c));
                if (Free(code)) { _taken.Add(code); assigned[c] = code; }
            }
            foreach (var c in children.Where(c => !assigned.ContainsKey(c)))
            {
                var hundred = Own(c) / 100 * 100;
                var n = Enumerable.Range(hundred + 1, 99).Where(n => n < Math.Pow(10, width)).FirstOrDefault(n => Free(Code(n)));
                if (n == 0) { Errors.Add("items", $"{tree.NameOf(parentCode)}下已无可用的区划代码"); return []; }
                _taken.Add(Code(n));
                assigned[c] = Code(n);
            }
            return children.Select(c => (c, assigned[c])).ToList();
        }

        /// <summary>Re-codes <paramref name="d"/> and its whole subtree to <paramref name="newCode"/>'s prefix, under <paramref name="newParent"/>.</summary>
        private void Move(Division d, string newCode, string? newParent, string? newName, bool? urban, bool identity)
        {
            var oldPrefix = DivisionCodes.ScopePrefix(d.Code);
            var newPrefix = DivisionCodes.ScopePrefix(newCode);
            _taken.Add(newCode);
            foreach (var x in new[] { d }.Concat(tree.Descendants(d.Code)))
            {
                var code = newPrefix + x.Code[oldPrefix.Length..];
                if (x != d && !Free(code)) { Errors.Add("items", $"代码 {code} 已被使用，无法迁移{x.Name}"); return; }
                _taken.Add(code);
                Records[x.Code] = code;
                if (identity) Identity[x.Code] = code;
                var isRoot = x == d;
                var name = isRoot && newName is not null ? newName : x.Name;
                Created.Add(new Division
                {
                    Code = code,
                    Name = name,
                    SourceName = isRoot && newName is not null ? null : x.SourceName,
                    Level = x.Level,
                    ParentCode = isRoot ? newParent : newPrefix + x.ParentCode![oldPrefix.Length..],
                    IsUrban = isRoot ? urban : x.IsUrban,
                    Pinyin = isRoot && newName is not null ? pinyin.Romanize(name) : x.Pinyin,
                    AlternativeCode = null,
                    SortOrder = x.SortOrder,
                    ValidFrom = on,
                });
                Retired.Add((x.Code, code));
            }
        }
    }
}
