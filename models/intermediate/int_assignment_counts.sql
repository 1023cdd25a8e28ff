{#- The summary tables of assignments and committee initiatives by status, for every
    report: counts on plan, deviating from plan and in all, by kind and status. -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'assignment_counts' and value is not null

),

final as (

    select
        report_id,
        table_id,
        row_number,
        row_label,
        row_role,
        case when row_role <> 'total' then split_part(row_label, ' ', 1) end as assignment_kind,
        case
            when row_role <> 'total'
                then nullif(trim(substr(row_label, strpos(row_label, ' '))), '')
        end as status,
        column_key as measure,
        cast(value as integer) as assignment_count,
        printed_text,
        source_line
    from measures

)

select * from final
