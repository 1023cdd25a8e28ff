{#-
    Every indicator value as one shape: the cells the ingest placed by the spacing (001, 003,
    004) and the reviewed placements of the strategic-goal tables (002), whose extraction
    keeps no spacing (seed indicator_curated_values, each entry with its lines and why).
-#}
with

indicator_rows as (

    select * from {{ ref('stg_indicator_rows') }}

),

indicator_values as (

    select * from {{ ref('stg_indicator_values') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

curated as (

    select * from {{ ref('indicator_curated_values') }}
    where report_id in (select reports.report_id from reports)

),

placed_by_spacing as (

    select
        indicator_values.report_id,
        indicator_values.table_id,
        indicator_values.row_number,
        indicator_rows.table_layout,
        indicator_rows.goal_area,
        cast(null as varchar) as strategic_goal,
        indicator_rows.indicator,
        indicator_rows.indicator_level,
        indicator_rows.responsible_unit,
        indicator_rows.reported_assessment,
        indicator_rows.reported_trend,
        indicator_values.value_role,
        indicator_values.period_start,
        indicator_values.period_end,
        indicator_values.column_header,
        indicator_values.printed_text,
        cast(null as varchar) as target_comparator,
        indicator_values.value,
        indicator_values.is_percent,
        indicator_values.is_empty,
        indicator_rows.label_line,
        indicator_values.source_line,
        indicator_rows.placement
    from indicator_values
    inner join indicator_rows
        on indicator_values.report_id = indicator_rows.report_id
        and indicator_values.table_id = indicator_rows.table_id
        and indicator_values.row_number = indicator_rows.row_number

),

placed_by_review as (

    select
        report_id,
        table_id,
        row_number,
        'strategic_goals' as table_layout,
        goal_area,
        strategic_goal,
        indicator,
        cast(null as varchar) as indicator_level,
        cast(null as varchar) as responsible_unit,
        cast(null as varchar) as reported_assessment,
        cast(null as varchar) as reported_trend,
        value_role,
        period_start,
        period_end,
        case value_role when 'target' then 'Målvärde' else 'Utfall' end as column_header,
        printed_text,
        comparator as target_comparator,
        value,
        is_percent,
        false as is_empty,
        cast(null as integer) as label_line,
        source_line,
        'reviewed' as placement
    from curated

),

final as (

    select * from placed_by_spacing
    union all
    select * from placed_by_review

)

select * from final
