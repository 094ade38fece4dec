using Microsoft.EntityFrameworkCore.Infrastructure;

namespace BurdenShift.Core.Data;

/// <summary>Options for a known-at context on the same database, with the same interceptors, as an everyday one.</summary>
internal static class KnownAtOptions
{
    public static DbContextOptions<T> Like<T>(BurdenShiftDbContext everyday, Action<DbContextOptionsBuilder<T>, string> provider)
        where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        provider(builder, everyday.Database.GetConnectionString()!);
        var interceptors = everyday.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (interceptors is not null && interceptors.Any())
        {
            builder.AddInterceptors(interceptors);
        }

        return builder.Options;
    }
}
