{#- Investments (004): per project, budget, forecast and deviation for the year and for the
    whole project, tkr; the Summa row kept as row_role total. -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'investments' and value is not null

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        measures.report_id,
        reports.municipality,
        reports.municipality_code,
        measures.table_id,
        measures.row_number,
        measures.row_label as project,
        measures.row_role,
        case split_part(measures.column_key, '_', 2)
            when 'budget' then 'budget'
            when 'forecast' then 'forecast'
            when 'deviation' then 'forecast_deviation'
        end as basis,
        case split_part(measures.column_key, '_', 1)
            when 'year' then 'year'
            when 'total' then 'project_total'
        end as scope,
        measures.value as amount_tkr,
        measures.printed_text,
        measures.label_line,
        measures.source_line
    from measures
    inner join reports on measures.report_id = reports.report_id

)

select * from final
