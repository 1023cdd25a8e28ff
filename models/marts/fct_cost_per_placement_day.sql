{#-
    Placement days (volume table) and cost per day (price table) side by side per care
    category, basis and scope, with the derived cost = days x price / 1000 where both exist.
-#}
with

measures as (

    select * from {{ ref('int_placement_measures') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

days as (

    select * from measures
    where measure = 'placement_days'
        and basis in ('actual', 'budget', 'forecast', 'prior_year_actual')

),

prices as (

    select * from measures
    where measure = 'cost_per_day_sek'
        and basis in ('actual', 'budget', 'forecast', 'prior_year_actual')

),

joined as (

    select
        coalesce(days.report_id, prices.report_id) as report_id,
        coalesce(days.row_label, prices.row_label) as care_category,
        coalesce(days.care_category_key, prices.care_category_key) as care_category_key,
        coalesce(days.target_group, prices.target_group) as target_group,
        coalesce(days.row_role, prices.row_role) = 'total' as is_total,
        coalesce(days.basis, prices.basis) as basis,
        coalesce(days.scope, prices.scope) as scope,
        days.value as placement_days,
        prices.value as cost_per_day_sek,
        days.source_line as days_source_line,
        prices.source_line as price_source_line
    from days
    full outer join prices
        on days.report_id = prices.report_id
        and days.care_category_key = prices.care_category_key
        and days.basis = prices.basis
        and days.scope = prices.scope

),

final as (

    select
        joined.report_id,
        reports.municipality,
        reports.municipality_code,
        reports.period_start,
        reports.period_end,
        joined.care_category,
        joined.care_category_key,
        joined.target_group,
        joined.is_total,
        joined.basis,
        joined.scope,
        joined.placement_days,
        joined.cost_per_day_sek,
        cast(joined.placement_days * joined.cost_per_day_sek / 1000 as decimal(18, 3))
            as cost_tkr,
        coalesce(joined.days_source_line, joined.price_source_line) as source_line,
        joined.days_source_line,
        joined.price_source_line
    from joined
    inner join reports on joined.report_id = reports.report_id

)

select * from final
