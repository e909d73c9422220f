# One image for silos and gateways: the container's args pick TimerGrid.Silo.dll or TimerGrid.Gateway.dll.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish Silo -c Release -o /app && dotnet publish Gateway -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet"]
CMD ["TimerGrid.Silo.dll"]
