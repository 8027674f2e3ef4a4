using LabCharts.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabCharts.Api.Tests.Infrastructure;

/// <summary>The API host in a test server; subclasses choose its configuration.</summary>
public abstract class LabChartsFactoryBase : WebApplicationFactory<Program>;
