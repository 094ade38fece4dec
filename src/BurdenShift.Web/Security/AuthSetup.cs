namespace BurdenShift.Web.Security;

/// <summary>
/// Cookie sign-in over ASP.NET Core Identity. <c>Auth:PublicRead</c> (default true) lets anyone
/// browse; when false every page and API needs a signed-in user. Writing always needs the
/// <see cref="Policies.Write"/> policy (Editor or Admin).
/// </summary>
internal static class AuthSetup
{
    public const string PublicReadKey = "Auth:PublicRead";

    public static WebApplicationBuilder AddBurdenShiftAuth(this WebApplicationBuilder builder)
    {
        var publicRead = builder.Configuration.GetValue(PublicReadKey, true);
        new IdentityBuilder(typeof(BurdenShiftUser), typeof(IdentityRole), builder.Services).AddSignInManager();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/account/signin";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "BurdenShift.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The API answers 401/403; only pages are redirected to the sign-in form.
                o.Events.OnRedirectToLogin = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => ApiOrRedirect(c.HttpContext, c.RedirectUri, StatusCodes.Status403Forbidden);
            }));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.Writers))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .SetFallbackPolicy(publicRead ? null : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddScoped<SignInGate>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthState>();
        // Cookies (every HTTP request) are re-checked as often as open circuits.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        return builder;
    }

    private static Task ApiOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Write = "write";
    public const string Admin = "admin";
}
