# Multi-stage build: the SDK image builds and publishes, the ASP.NET runtime image runs it as
# the non-root `app` user that the .NET images provide.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/BurdenShift.Core/BurdenShift.Core.csproj src/BurdenShift.Core/
COPY src/BurdenShift.Web/BurdenShift.Web.csproj src/BurdenShift.Web/
RUN dotnet restore src/BurdenShift.Web/BurdenShift.Web.csproj
COPY src/ src/
RUN dotnet publish src/BurdenShift.Web/BurdenShift.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# Chart, PPTX and PDF exports draw their text in DejaVu Sans (ADR 0008).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
# The SQLite default writes to /app/data; with PostgreSQL the folder stays empty.
RUN mkdir -p /app/data && chown app:app /app/data
USER app
ENV ASPNETCORE_URLS=http://+:8080 \
    Logging__Format=json
EXPOSE 8080
ENTRYPOINT ["dotnet", "BurdenShift.Web.dll"]
