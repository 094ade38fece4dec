using BurdenShift.Core.Data;
using Microsoft.Extensions.Configuration;

namespace BurdenShift.UnitTests;

public sealed class SettingsTests
{
    private static BurdenShiftSettings Read(params (string Key, string Value)[] values) =>
        BurdenShiftSettings.Read(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build(),
            "/srv/burdenshift");

    [Fact]
    public void With_nothing_configured_the_app_uses_a_sqlite_file_under_its_content_root_and_the_public_record()
    {
        var settings = Read();

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Equal("Data Source=/srv/burdenshift/data/burdenshift.db", settings.ConnectionString);
        Assert.True(settings.MigrateOnStartup);
        Assert.Equal("public-record", settings.SeedDataset);
    }

    [Fact]
    public void The_provider_name_is_not_case_sensitive()
    {
        Assert.Equal(DatabaseProvider.Postgres, Read(("Database:Provider", "postgres"), ("ConnectionStrings:BurdenShift", "Host=db")).Provider);
    }

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Database:Provider", "2", "Database:Provider")]
    [InlineData("Seed:Dataset", "everything", "Seed:Dataset")]
    [InlineData("Database:MigrateOnStartup", "sometimes", "Database:MigrateOnStartup")]
    [InlineData("Editing:Review", "yes", "Editing:Review")]
    public void A_bad_value_is_refused_naming_the_setting(string key, string value, string named)
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => Read((key, value)));
        Assert.StartsWith(named, ex.Message);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("off", false)]
    [InlineData("Required", true)]
    [InlineData(" required ", true)]
    public void Review_is_off_unless_it_is_required(string? value, bool required)
    {
        var settings = value is null ? Read() : Read(("Editing:Review", value));
        Assert.Equal(required, settings.ReviewRequired);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var ex = Assert.Throws<StartupConfigurationException>(() => Read(("Database:Provider", "Postgres")));
        Assert.Contains("ConnectionStrings:BurdenShift", ex.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_reported_as_such()
    {
        var ex = Assert.Throws<StartupConfigurationException>(() =>
            Read(("Database:Provider", "Postgres"), ("ConnectionStrings:BurdenShift", "Hots=db;Nonsense")));
        Assert.Contains("not a valid Postgres connection string", ex.Message);
    }

    [Fact]
    public void The_logged_target_never_contains_the_password()
    {
        var settings = Read(("Database:Provider", "Postgres"), ("ConnectionStrings:BurdenShift", "Host=db;Port=5433;Database=bs;Username=u;Password=hunter2hunter2"));

        Assert.Equal("PostgreSQL db:5433/bs", settings.DescribeTarget());
    }
}
