{#-
    Every budget row (of every loaded report) with the activity the reviewed seed
    activity_map gives its label: the municipality's own entry where there is one, else the
    entry for every municipality; null where neither knows the label (dq_unmapped_activities).
-#}
with

amounts as (

    select * from {{ ref('int_budget_amounts') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

activity_map as (

    select * from {{ ref('activity_map') }}

),

budget_rows as (

    select distinct
        amounts.report_id,
        reports.municipality_code,
        amounts.table_id,
        amounts.table_title,
        amounts.row_number,
        amounts.row_label,
        lower(amounts.row_label) as row_label_key,
        amounts.row_role,
        amounts.label_line
    from amounts
    inner join reports on amounts.report_id = reports.report_id

),

matched as (

    select
        budget_rows.*,
        activity_map.activity_key,
        activity_map.municipality_code is not null as is_municipality_entry,
        row_number() over (
            partition by budget_rows.report_id, budget_rows.table_id, budget_rows.row_number
            order by activity_map.municipality_code nulls last
        ) as preference
    from budget_rows
    left join activity_map
        on budget_rows.row_label_key = activity_map.row_label_key
        and (
            activity_map.municipality_code is null
            or activity_map.municipality_code = budget_rows.municipality_code
        )

),

final as (

    select
        report_id,
        municipality_code,
        table_id,
        table_title,
        row_number,
        row_label,
        row_label_key,
        row_role,
        label_line,
        activity_key
    from matched
    where preference = 1

)

select * from final
