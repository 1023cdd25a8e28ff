{#-
    Where a report's own assessment of an indicator (Uppfyllt / Ej uppfyllt) and its numbers
    part ways. These are findings about the reports, not build failures.
-#}
with

fulfilment as (

    select * from {{ ref('fct_indicator_fulfilment') }}

),

assessed as (

    select * from fulfilment
    where reported_assessment in ('Uppfyllt', 'Ej uppfyllt')

),

findings as (

    select
        *,
        case
            when assessment_agrees = false then 'assessment_contradicts_numbers'
            when is_fulfilled is null then 'assessment_without_computable_numbers'
        end as finding
    from assessed

),

final as (

    select
        report_id,
        municipality,
        municipality_code,
        table_id,
        row_number,
        goal_area,
        indicator,
        indicator_level,
        measure_period_start,
        measure_period_end,
        finding,
        reported_assessment,
        is_fulfilled,
        fulfilment_basis,
        actual_value,
        forecast_value,
        target_value,
        target_comparator,
        direction,
        source_line
    from findings
    where finding is not null

)

select * from final
