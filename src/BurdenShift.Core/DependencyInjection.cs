using BurdenShift.Core.Changes;
using BurdenShift.Core.Data.Seeding;
using BurdenShift.Core.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BurdenShift.Core;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database (the provider chosen by configuration), seeding and the Core
    /// services. Throws <see cref="StartupConfigurationException"/> on a bad setting.
    /// </summary>
    public static IHostApplicationBuilder AddBurdenShiftCore(this IHostApplicationBuilder builder)
    {
        var settings = BurdenShiftSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddPooledDbContextFactory<SqliteBurdenShiftDbContext>(o => Common(o.UseSqlite(settings.ConnectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))));
            services.AddSingleton<IDbContextFactory<BurdenShiftDbContext>, BaseContextFactory<SqliteBurdenShiftDbContext>>();
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresBurdenShiftDbContext>(o => Common(o.UseNpgsql(settings.ConnectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)
                .ExecutionStrategy(d => new ConnectionDropRetryStrategy(d, RetryCount, RetryDelayCap)))));
            services.AddSingleton<IDbContextFactory<BurdenShiftDbContext>, BaseContextFactory<PostgresBurdenShiftDbContext>>();
        }

        // Identity's EF stores want a context per scope; it comes from the same pooled factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BurdenShiftDbContext>>().CreateDbContext());
        services.AddIdentityCore<BurdenShiftUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = PasswordLengthValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BurdenShiftDbContext>()
            .AddPasswordValidator<PasswordLengthValidator>();
        services.AddSingleton<SetupToken>();
        services.AddScoped<AccountBootstrap>();
        services.AddScoped<AccountAdministration>();

        services.AddSingleton<DatabaseSeeder>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<RowPages>();
        services.AddSingleton<LatestPublication>();
        services.AddSingleton<Sources.SourceRegistryService>();
        services.AddSingleton<FigureImporter>();
        services.AddSingleton<ImportHistory>();
        services.AddSingleton<ChangeReportService>();
        services.AddSingleton(Review.ReviewPolicy.From(settings));
        services.AddSingleton<Review.ReviewQueue>();
        services.AddSingleton<Briefing.BriefLog>();
        services.AddSingleton<Editing.FigureEditor>();
        services.AddSingleton<Editing.AuditHistory>();
        services.AddSingleton<Backup.BackupWriter>();
        services.AddSingleton<Backup.BackupRestorer>();
        return builder;
    }

    // Queries load related collections in one command on purpose (the dashboard's command budget).
    // A failed connection surfaces as an exception that is reported where it is handled (one
    // clear start-up line, a health check, an error page); EF's own error log of it, with a stack
    // trace, would only bury that line. Migrate() also logs it once for a database it then creates.
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log((RelationalEventId.ConnectionError, LogLevel.Debug)))
            .AddInterceptors(VersionStamp);

    private static readonly DataVersionInterceptor VersionStamp = new();

    // A dropped PostgreSQL connection (a restart, a fail-over) is retried after about 0, 1, 3, 5
    // and 5 seconds: a request waits out a restart of some seconds instead of failing (ADR 0011).
    internal const int RetryCount = 5;
    internal static readonly TimeSpan RetryDelayCap = TimeSpan.FromSeconds(5);

    /// <summary>Hands out the provider's context as the base type the rest of the code uses.</summary>
    private sealed class BaseContextFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<BurdenShiftDbContext>
        where T : BurdenShiftDbContext
    {
        public BurdenShiftDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<BurdenShiftDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}
