using Minzheng.Web.Modules.Volunteers.Records;
using Minzheng.Web.Platform.Access;
using Minzheng.Web.Platform.Data;
using Minzheng.Web.Platform.Http;
using Minzheng.Web.Platform.Jobs;

namespace Minzheng.Web.Modules.Volunteers.TimeBank;

/// <summary>时间银行 (issue 16 item 4): the ledger, the deposit from verified elderly-care service, and the API under /timebank.</summary>
public static class TimeBankSetup
{
    public static IServiceCollection AddTimeBank(this IServiceCollection services)
    {
        services.AddScoped<TimeBankLedger>();
        services.AddScoped<TimeBankService>();
        services.AddScoped<IServiceHoursHandler, TimeBankDeposits>();
        services.AddSingleton<IModuleInitializer, TimeBankInitializer>();
        services.AddRecurringJob<TimeBankExpiry>(TimeBankExpiry.Kind, "时间银行存储时长过期（仅在设定有效期的地区）", TimeBankExpiry.Every, TimeBankExpiry.FirstAfter);
        return services;
    }

    public static void MapTimeBank(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/timebank");
        var self = Permissions.Policy(VolunteerPermissions.Self);
        var read = Permissions.Policy(VolunteerPermissions.Read);
        var operate = Permissions.Policy(TimeBankPermissions.Operate);
        var grant = Permissions.Policy(TimeBankPermissions.Grant);
        var reverse = Permissions.Policy(TimeBankPermissions.Reverse);
        var reconcile = Permissions.Policy(TimeBankPermissions.Reconcile);

        // ---- the citizen's own account ----
        g.MapGet("/me", async (int? page, int? pageSize, TimeBankService bank, CancellationToken ct) =>
        {
            var account = await bank.MineAsync(ct);
            var statement = await bank.StatementAsync(account, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { account = TimeBankService.View(account), statement = new { items = statement.Items, total = statement.Total }, relatives = await bank.RelativesAsync(account, ct) });
        }).RequireAuthorization(self).WithSummary("本人时间银行账户：余额、明细（分页 { items, total }）和已登记的近亲属");

        g.MapPost("/me/relatives", async (RelativeInput? input, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(await bank.RegisterRelativeAsync(input ?? new(null, null, null, null), ct)))
            .RequireAuthorization(self).WithSummary("登记近亲属（配偶、父母、子女、祖父母/外祖父母；同户由户籍核验，否则登记关系证明）");

        g.MapPost("/me/transfers", async (TransferInput? input, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await bank.TransferAsync(await bank.MineAsync(ct), input ?? new(null, null), ct))))
            .RequireAuthorization(self).WithSummary("转赠时长给已登记的近亲属");

        g.MapPost("/me/donations", async (DonateInput? input, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await bank.DonateAsync(await bank.MineAsync(ct), input ?? new(null), ct))))
            .RequireAuthorization(self).WithSummary("捐赠时长到时间银行捐赠池");

        // ---- service points, officers ----
        g.MapGet("/accounts/lookup", async (string? idNumber, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(TimeBankService.View(await bank.FindByIdNumberAsync(idNumber, ct))))
            .RequireAuthorization(read).WithSummary("按身份证号查找辖区内人员的时间银行账户（首次使用时开立）");

        g.MapGet("/accounts/{id:guid}", async (Guid id, int? page, int? pageSize, TimeBankService bank, CancellationToken ct) =>
        {
            var account = await bank.AccountInScopeAsync(id, ct);
            var statement = await bank.StatementAsync(account, PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { account = TimeBankService.View(account), statement = new { items = statement.Items, total = statement.Total } });
        }).RequireAuthorization(read).WithSummary("时间银行账户余额和明细（辖区内；分页 { items, total }）");

        g.MapPost("/withdrawals", async (WithdrawInput? input, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await bank.WithdrawAsync(input ?? new(null, null, null, null, null, null), ct))))
            .RequireAuthorization(operate).WithSummary("兑换服务（按身份证号全市通存通兑；须达到兑换年龄；余额不足 409）");

        g.MapGet("/grants/candidates", async (int? page, int? pageSize, TimeBankService bank, CancellationToken ct) =>
        {
            var list = await bank.PriorityListAsync(PageRequest.From(page, pageSize), ct);
            return TypedResults.Ok(new { items = list.Items.Select(x => new { x.PersonId, x.Name, x.Reason }), total = list.Total });
        }).RequireAuthorization(grant).WithSummary("优先赠与对象（按本市标准从人口库筛选），分页 { items, total }");

        g.MapPost("/grants", async (GrantInput? input, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await bank.GrantAsync(input ?? new(null, null, null), ct))))
            .RequireAuthorization(grant).WithSummary("从捐赠池向优先对象赠与时长");

        g.MapPost("/transactions/{id:guid}/reversal", async (Guid id, ReversalInput? input, TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(ToDto(await bank.ReverseAsync(id, input ?? new(null), ct))))
            .RequireAuthorization(reverse).WithSummary("冲正一笔交易（须说明理由；原交易保留）");

        g.MapGet("/reconciliation", async (TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(await bank.ReconcileAsync(ct)))
            .RequireAuthorization(reconcile).WithSummary("对账：全部分录合计（应为0）、各账户余额与分录合计是否一致");

        g.MapGet("/dashboard", async (TimeBankService bank, CancellationToken ct) =>
            TypedResults.Ok(new { balances = await bank.BalancesAsync(ct), flows = await bank.FlowsAsync(ct) }))
            .RequireAuthorization(reconcile).WithSummary("时间银行余额（按账户类别）和近12个月各类交易流量");
    }

    public static object ToDto(TimeTxn t) => new
    {
        t.Id,
        kind = t.Kind.ToString(),
        t.At,
        t.Description,
        t.ServedOn,
        t.Provider,
        t.ReversesTxnId,
        entries = t.Entries.Select(e => new { e.AccountId, e.Minutes, e.BalanceAfter }),
    };
}
